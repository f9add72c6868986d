#include "engine/seal/key_files.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/model/error.hpp"
#include "tests/engine/store/temp_dir.hpp"

using namespace regflow;
namespace fs = std::filesystem;

TEST_CASE("the installation key is made once, mode 0600, and read back", "[seal]") {
  test::TempDir dir;
  const auto files = seal::trust_files((dir.path() / "db").string());
  bool created = false;
  CHECK_THROWS_AS(seal::load_signing_key(files, false, created), InputError);
  const auto made = seal::load_signing_key(files, true, created);
  CHECK(created);
  struct stat info {};
  REQUIRE(::stat(files.private_key.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  const auto again = seal::load_signing_key(files, true, created);
  CHECK_FALSE(created);
  CHECK(again.public_key() == made.public_key());
  CHECK(seal::load_public_key(files) == made.public_key());
  CHECK(seal::parse_public_key_text(seal::public_key_text(made.public_key()) + "\n") ==
        made.public_key());
}

TEST_CASE("a private key others can read is refused with the chmod that mends it", "[seal]") {
  test::TempDir dir;
  const auto files = seal::trust_files((dir.path() / "db").string());
  bool created = false;
  seal::load_signing_key(files, true, created);
  ::chmod(files.private_key.c_str(), 0644);
  CHECK_THROWS_WITH(seal::load_signing_key(files, false, created), Catch::Contains("chmod 600"));
}

TEST_CASE("a key file that is a symbolic link is not followed", "[seal]") {
  test::TempDir dir;
  const auto files = seal::trust_files((dir.path() / "db").string());
  fs::create_symlink(dir.path() / "elsewhere", files.private_key);
  bool created = false;
  CHECK_THROWS_AS(seal::load_signing_key(files, true, created), InputError);
  CHECK_FALSE(fs::exists(dir.path() / "elsewhere"));
}

TEST_CASE("the checkpoint log is appended to, never through a link", "[seal]") {
  test::TempDir dir;
  const auto files = seal::trust_files((dir.path() / "db").string());
  CHECK_FALSE(seal::read_log_lines(files.checkpoints));
  seal::append_log_line(files.checkpoints, "one");
  seal::append_log_line(files.checkpoints, "two");
  CHECK(seal::read_log_lines(files.checkpoints) == std::vector<std::string>{"one", "two"});
  fs::remove(files.checkpoints);
  fs::create_symlink(dir.path() / "target", files.checkpoints);
  CHECK_THROWS_AS(seal::append_log_line(files.checkpoints, "three"), InputError);
  CHECK_FALSE(fs::exists(dir.path() / "target"));
}
