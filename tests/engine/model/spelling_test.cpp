#include "engine/model/spelling.hpp"

#include <catch2/catch.hpp>

using namespace regflow::model;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[model][spelling]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("owner", "owner") == 0);
  CHECK(edit_distance("ownr", "owner") == 1);
  CHECK(edit_distance("harmonisasi", "harmonisas") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("a close candidate is suggested, a distant one is not", "[model][spelling]") {
  const std::vector<std::string> keys{"title", "owner", "limit", "actions"};
  CHECK(did_you_mean("ownr", keys) == " (did you mean 'owner'?)");
  CHECK(did_you_mean("actoins", keys) == " (did you mean 'actions'?)");
  CHECK(did_you_mean("xyzzy", keys).empty());
  CHECK(quoted_list({"a", "b"}) == "'a', 'b'");
}

TEST_CASE("a swap of two neighbouring letters counts as one edit", "[model][spelling]") {
  CHECK(edit_distance("kidn", "kind") == 1);
  CHECK(edit_distance("apdb", "apbd") == 1);
  CHECK(did_you_mean("taks", {"task", "signoff", "waiting", "final"}) == " (did you mean 'task'?)");
  CHECK(did_you_mean("ab", {"ba"}) == " (did you mean 'ba'?)");
}
