#include "cli/render/printable.hpp"

#include <catch2/catch.hpp>

#include "cli/render/table.hpp"

using regflow::cli::render::LineBreaks;
using regflow::cli::render::printable;

TEST_CASE("printable shows control characters instead of obeying them", "[render][printable]") {
  SECTION("an escape sequence that would clear the screen") {
    CHECK(printable("Pergub \x1b[2J\x1b[H baru") == "Pergub \\x1b[2J\\x1b[H baru");
  }
  SECTION("a newline that would forge a history row, inside one field") {
    CHECK(printable("catatan\n9  2021-02-15  fery  sekda") == "catatan\\n9  2021-02-15  fery  sekda");
  }
  SECTION("whole lines keep their newlines and tabs but not other controls") {
    CHECK(printable("a\tb\r\n\x07", LineBreaks::Keep) == "a\tb\\r\n\\x07");
  }
  SECTION("DEL, C1 controls and bytes that are not UTF-8") {
    CHECK(printable("x\x7fy") == "x\\x7fy");
    CHECK(printable("\xc2\x9b" "31m") == "\\u009b31m");
    CHECK(printable("bad \xff byte") == "bad \\xff byte");
    CHECK(printable("\xe2\x82") == "\\xe2\\x82");
  }
  SECTION("Indonesian text and other UTF-8 pass unchanged") {
    CHECK(printable("Perda Pajak — «Bangka» é ü 𝄞") == "Perda Pajak — «Bangka» é ü 𝄞");
  }
  SECTION("the board's own colours pass; any other colour is shown") {
    CHECK(printable("\x1b[31moverdue\x1b[0m") == "\x1b[31moverdue\x1b[0m");
    CHECK(printable("\x1b[30;40mhidden") == "\\x1b[30;40mhidden");
  }
}

TEST_CASE("a table cell never breaks its row", "[render][printable]") {
  regflow::cli::render::Table table({"NOTE"});
  table.add({"first\nsecond"});
  CHECK(table.str() == "NOTE\nfirst\\nsecond\n");
}
