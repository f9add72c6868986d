// The paragraph diff: the fewest paragraphs removed and added, each numbered in its version.
#include "engine/document/paragraph_diff.hpp"

#include <catch2/catch.hpp>

using regflow::document::Change;
using regflow::document::DiffLine;
using regflow::document::paragraph_diff;

namespace {

std::string script(const std::vector<DiffLine>& lines) {
  std::string out;
  for (const auto& l : lines) {
    out += l.change == Change::Same ? " " : l.change == Change::Added ? "+" : "-";
    out += l.text;
  }
  return out;
}

}  // namespace

TEST_CASE("the paragraph diff finds the fewest changes", "[document][diff]") {
  using V = std::vector<std::string>;
  CHECK(script(*paragraph_diff({}, {})) == "");
  CHECK(script(*paragraph_diff({"a"}, {"a"})) == " a");
  CHECK(script(*paragraph_diff({}, {"a", "b"})) == "+a+b");
  CHECK(script(*paragraph_diff({"a", "b"}, {})) == "-a-b");
  // Myers' paper's example: ABCABBA → CBABAC in five edits.
  const auto lines =
      *paragraph_diff(V{"A", "B", "C", "A", "B", "B", "A"}, V{"C", "B", "A", "B", "A", "C"});
  std::size_t edits = 0;
  for (const auto& l : lines) edits += l.change != Change::Same ? 1 : 0;
  CHECK(edits == 5);
  // Applying the script to the old version gives the new one.
  V rebuilt;
  V old_again;
  for (const auto& l : lines) {
    if (l.change != Change::Removed) rebuilt.push_back(l.text);
    if (l.change != Change::Added) old_again.push_back(l.text);
  }
  CHECK(rebuilt == V{"C", "B", "A", "B", "A", "C"});
  CHECK(old_again == V{"A", "B", "C", "A", "B", "B", "A"});
}

TEST_CASE("a changed article is one paragraph removed and one added, numbered",
          "[document][diff]") {
  const std::vector<std::string> before{"Pasal 1", "Ketentuan umum.", "Pasal 2", "Dihapus.",
                                        "Pasal 3"};
  const std::vector<std::string> after{"Pasal 1", "Ketentuan umum.",
                                       "Pasal 2", "Pendampingan UMKM dilaksanakan oleh Dinas.",
                                       "Pasal 3", "Pasal 4"};
  const auto lines = *paragraph_diff(before, after);
  std::vector<DiffLine> changes;
  for (const auto& l : lines) {
    if (l.change != Change::Same) changes.push_back(l);
  }
  REQUIRE(changes.size() == 3);
  CHECK(changes[0] == DiffLine{Change::Removed, "Dihapus.", 4, 0});
  CHECK(changes[1] == DiffLine{Change::Added, "Pendampingan UMKM dilaksanakan oleh Dinas.", 0, 4});
  CHECK(changes[2] == DiffLine{Change::Added, "Pasal 4", 0, 6});
}

TEST_CASE("versions too different to compare are said to be so", "[document][diff]") {
  std::vector<std::string> before;
  std::vector<std::string> after;
  for (std::size_t i = 0; i < regflow::document::kMaxDifferences; ++i) {
    before.push_back("a" + std::to_string(i));
    after.push_back("b" + std::to_string(i));
  }
  CHECK_FALSE(paragraph_diff(before, after).has_value());
  // The same sizes with a few changes compare at once.
  after = before;
  after[10] = "x";
  CHECK(paragraph_diff(before, after).has_value());
}
