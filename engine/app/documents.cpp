// Installation::attach: the one command whose input is bytes as well as words.
#include "engine/runtime/documents.hpp"

#include <vector>

#include "engine/app/installation.hpp"
#include "engine/model/sha256_stream.hpp"

namespace regflow::app {
namespace {

constexpr std::size_t kChunk = 256 * 1024;

std::string hash_of(DocumentSource& source) {
  source.rewind();
  model::Sha256Stream digest;
  std::vector<char> buffer(kChunk);
  while (const std::size_t got = source.read(buffer.data(), buffer.size())) {
    digest.update({buffer.data(), got});
  }
  return digest.finish_hex();
}

}  // namespace

AdvanceOutcome Installation::attach(const std::string& id, const AttachRequest& request,
                                    DocumentSource& source, const runtime::Actor& actor,
                                    time::Instant now) {
  const auto& policy = config_.settings.documents;
  runtime::AttachCommand command;
  command.kind = request.kind;
  command.name = request.name;
  command.note = request.note;
  command.media_type = runtime::media_type_for_name(request.name);
  command.size = source.size();
  // A file the decider will refuse for its size is not read at all; the others are hashed
  // before the write lock is taken, so a large document does not hold other writers off twice.
  if (command.size > 0 && command.size <= policy.max_size) command.sha256 = hash_of(source);
  return decide_and_write(id, now, [&](const runtime::DecideContext& ctx, const Dossier& dossier) {
    auto decision = runtime::decide_attach(ctx, dossier.state, command, actor, policy);
    if (std::holds_alternative<std::vector<runtime::Event>>(decision)) {
      // Stored inside the same transaction as the event: both commit, or neither.
      source.rewind();
      store_.store_document(command.sha256, command.size, [&](char* buffer, std::size_t capacity) {
        return source.read(buffer, capacity);
      });
    }
    return decision;
  });
}

}  // namespace regflow::app
