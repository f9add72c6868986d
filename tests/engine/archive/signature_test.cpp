// An archive's signature line: what export appends, what import splits off and checks, and how
// import judges who signed it (engine/app/archive_trust).
#include "engine/archive/signature.hpp"

#include <catch2/catch.hpp>

#include "engine/app/archive_trust.hpp"
#include "engine/archive/codec.hpp"

using namespace regflow;

namespace {

seal::SigningKey fixed_key(char fill) {
  return *seal::SigningKey::from_private(std::string(seal::kKeyBytes, fill));
}

std::string signed_archive(const seal::SigningKey& key) {
  archive::Archive a;
  a.header.installation = "babel";
  a.header.exported_at = "2026-03-02T02:00:00Z";
  a.header.selection = "all";
  return archive::sign(archive::encode(a), key);
}

}  // namespace

TEST_CASE("a signed archive splits into its encoded body and a valid signature", "[archive]") {
  const auto key = fixed_key('a');
  const std::string bytes = signed_archive(key);
  const auto split = archive::split_signature(bytes);
  REQUIRE(split.signature);
  CHECK_FALSE(split.malformed);
  CHECK(split.signature->public_key == key.public_key());
  CHECK(archive::signature_valid(split));
  const auto decoded = archive::decode(split.body);
  REQUIRE(std::holds_alternative<archive::Archive>(decoded));
  CHECK(std::get<archive::Archive>(decoded).header.format_version == 3);
}

TEST_CASE("an unsigned body has no signature; a damaged line is malformed", "[archive]") {
  archive::Archive a;
  a.header.format_version = 1;
  const std::string encoded = archive::encode(a);
  const auto plain = archive::split_signature(encoded);
  CHECK_FALSE(plain.signature);
  CHECK_FALSE(plain.malformed);
  CHECK(plain.body == encoded);
  CHECK(archive::split_signature(encoded + "ed25519 zz\n").malformed);
  CHECK(archive::split_signature("").body.empty());
}

TEST_CASE("import trusts its own key and the keys it was told to, nothing else", "[archive]") {
  const auto own = fixed_key('o');
  const auto friendly = fixed_key('f');
  const auto stranger = fixed_key('s');
  const std::vector<seal::TrustedKey> trusted{{"pemkab-bangka", friendly.public_key()}};
  const auto judge = [&](const std::string& bytes) {
    const auto split = archive::split_signature(bytes);
    return app::judge_archive(split, 2, own.public_key(), trusted);
  };
  CHECK(judge(signed_archive(own)).kind == app::ArchiveTrustKind::Own);
  const auto from_friend = judge(signed_archive(friendly));
  CHECK(from_friend.kind == app::ArchiveTrustKind::Trusted);
  CHECK(from_friend.name == "pemkab-bangka");
  const auto from_stranger = judge(signed_archive(stranger));
  CHECK(from_stranger.kind == app::ArchiveTrustKind::Untrusted);
  CHECK(from_stranger.fingerprint == seal::fingerprint(stranger.public_key()));
  CHECK_FALSE(from_stranger.accepted());

  SECTION("an archive edited after signing keeps a signature line that no longer fits") {
    std::string bytes = signed_archive(friendly);
    const auto at = bytes.find("babel");
    bytes.replace(at, 5, "bobel");
    CHECK(judge(bytes).kind == app::ArchiveTrustKind::BadSignature);
  }
  SECTION("a signature line cut off a format-2 archive is missing, not unsigned") {
    const std::string whole = signed_archive(own);  // the split's views point into it
    const auto split = archive::split_signature(whole);
    const std::string cut(split.body);
    CHECK(app::judge_archive(archive::split_signature(cut), 2, own.public_key(), trusted).kind ==
          app::ArchiveTrustKind::Missing);
    CHECK(app::judge_archive(archive::split_signature(cut), 1, own.public_key(), trusted).kind ==
          app::ArchiveTrustKind::Unsigned);
  }
  SECTION("a stranger who re-signs our archive is still a stranger") {
    const std::string whole = signed_archive(own);  // the split's views point into it
    const auto split = archive::split_signature(whole);
    const std::string resigned = archive::sign(std::string(split.body), stranger);
    CHECK(judge(resigned).kind == app::ArchiveTrustKind::Untrusted);
  }
}
