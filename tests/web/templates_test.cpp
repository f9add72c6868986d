#include "web/templates.hpp"

#include <catch2/catch.hpp>

#include "cli/render/markup_escape.hpp"

using regflow::web::Templates;

TEST_CASE("escaping shows markup and terminal escapes as text", "[web][templates]") {
  CHECK(regflow::cli::render::markup_escape("<script>alert('x')</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(regflow::cli::render::markup_escape("a & \"b\" `c`") ==
        "a &amp; &quot;b&quot; &#96;c&#96;");
  CHECK(regflow::cli::render::markup_escape("\x1b[31mred") == "\u241b[31mred");
  CHECK(regflow::cli::render::markup_escape("line\nnext\ttab") == "line\nnext\ttab");
  CHECK(regflow::cli::render::markup_escape("Peraturan Daerah tentang Koperasi") ==
        "Peraturan Daerah tentang Koperasi");
}

TEST_CASE("templates escape every {{ }} value and render partials", "[web][templates]") {
  const Templates templates({{"page", "<h1>{{title}}</h1>{{> item}}"}, {"item", "<p>{{id}}</p>"}});
  const auto html = templates.render(
      "page", {{"title", "<script>x</script>\x1b[2J"}, {"id", "PERDA-2021-0001"}});
  CHECK(html == "<h1>&lt;script&gt;x&lt;/script&gt;\u241b[2J</h1><p>PERDA-2021-0001</p>");
  CHECK_THROWS_WITH(templates.render("nope", {}), "no page template 'nope'");
}
