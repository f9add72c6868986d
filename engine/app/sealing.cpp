#include "engine/app/sealing.hpp"

#include <filesystem>

#include "engine/model/error.hpp"

namespace regflow::app {
namespace {

std::vector<std::string> log_lines_or_refuse(const seal::TrustFiles& files,
                                             const std::optional<std::string>& sealed_with) {
  auto lines = seal::read_log_lines(files.checkpoints);
  if (!lines && sealed_with) {
    throw InputError(model::say(
        "the checkpoint log '{}' is missing, yet this database was sealed with key {}; restore "
        "the log from a backup ('regflow verify' reports what it proves) — nothing was signed",
        files.checkpoints.string(), *sealed_with));
  }
  return lines.value_or(std::vector<std::string>{});
}

}  // namespace

SealReport seal_chains(store::Store& store, const seal::TrustFiles& files, time::Instant now) {
  SealReport report;
  const auto sealed_with = store.setting(kCheckpointKeySetting);
  std::error_code ec;
  if (sealed_with && !std::filesystem::exists(files.private_key, ec)) {
    throw InputError(model::say(
        "this database was sealed with key {}, but its private key '{}' is missing; restore it "
        "from a backup — nothing was signed, and no new key was made",
        *sealed_with, files.private_key.string()));
  }
  const auto key = seal::load_signing_key(files, !sealed_with, report.key_created);
  report.fingerprint = seal::fingerprint(key.public_key());
  if (sealed_with && *sealed_with != report.fingerprint) {
    throw InputError(model::say(
        "this database was sealed with key {}, but '{}' is key {}; restore the installation's "
        "key — nothing was signed",
        *sealed_with, files.private_key.string(), report.fingerprint));
  }
  seal::LogLock lock(files.checkpoints);
  const auto lines = log_lines_or_refuse(files, sealed_with);
  const auto log = seal::read_log(lines, key.public_key());
  if (!log.problems.empty()) {
    const auto& p = log.problems.front();
    throw InputError(model::say(
        "the checkpoint log '{}' cannot be trusted from line {}: {}; nothing was signed (run "
        "'regflow verify', and restore the log from a backup)",
        files.checkpoints.string(), p.line, p.said));
  }
  const auto current = store.chain_heads();
  std::vector<model::Message> refusals;
  for (const auto& id : seal::vanished(log, current)) {
    refusals.push_back(model::say("{}: the dossier is gone, yet checkpoint {} signed it", id,
                                  log.signed_heads.at(id).back().checkpoint));
  }
  for (const auto& head : seal::changed_heads(log, current)) {
    const auto signed_head = log.heads.find(head.dossier_id);
    const bool is_new = signed_head == log.heads.end();
    const auto problem =
        store.chain_break_after(head.dossier_id, is_new ? 0 : signed_head->second.sequence,
                                is_new ? std::string{} : signed_head->second.hash);
    if (problem) {
      refusals.push_back(is_new ? model::say("{}: {}", head.dossier_id, *problem)
                                : model::say("{}: {} (checkpoint {} signed it through event #{})",
                                             head.dossier_id, *problem,
                                             log.signed_heads.at(head.dossier_id).back().checkpoint,
                                             signed_head->second.sequence));
    }
  }
  if (!refusals.empty()) {
    // One refusal a line, indented under the sentence that counts them.
    std::vector<model::Message> list;
    for (auto& r : refusals) {
      list.push_back(model::verbatim("\n  "));
      list.push_back(std::move(r));
    }
    throw InputError(model::say(
        "{} chain(s) do not continue what the checkpoint log signed, so they were not signed "
        "again (run 'regflow verify'); nothing was written:{}",
        refusals.size(), model::joined(std::move(list))));
  }
  report.dossiers = static_cast<std::int64_t>(current.size());
  report.written = seal::next_checkpoint(log, current, time::format_instant(now), key);
  report.checkpoints = log.checkpoints;
  report.last_line = lines.empty() ? std::string{} : lines.back();
  if (report.written) {
    if (!sealed_with) store.set_setting(kCheckpointKeySetting, report.fingerprint);
    report.last_line = seal::format_line(*report.written);
    seal::append_log_line(files.checkpoints, report.last_line);
    report.checkpoints = report.written->number;
  }
  return report;
}

CheckpointStatus read_checkpoints(const store::Store& store, const seal::TrustFiles& files) {
  CheckpointStatus status;
  const auto sealed_with = store.setting(kCheckpointKeySetting);
  std::optional<std::string> public_key;
  std::optional<std::vector<std::string>> lines;
  try {
    public_key = seal::load_public_key(files);
    lines = seal::read_log_lines(files.checkpoints);
  } catch (const InputError& e) {
    status.sealed = true;
    status.problems.push_back(e.said());
    return status;
  }
  status.sealed = sealed_with.has_value() || (public_key && lines);
  if (!status.sealed) return status;
  if (!public_key) {
    status.problems.push_back(
        model::say("this database was sealed with key {}, but its public key '{}' is missing",
                   sealed_with.value_or("?"), files.public_key.string()));
    return status;
  }
  status.fingerprint = seal::fingerprint(*public_key);
  if (sealed_with && *sealed_with != status.fingerprint) {
    status.problems.push_back(
        model::say("this database was sealed with key {}, but '{}' is key {}: the key was replaced",
                   *sealed_with, files.public_key.string(), status.fingerprint));
    return status;
  }
  if (!lines) {
    status.problems.push_back(
        model::say("the checkpoint log '{}' is missing", files.checkpoints.string()));
    return status;
  }
  status.log = seal::read_log(*lines, *public_key);
  for (const auto& p : status.log.problems) {
    status.problems.push_back(
        model::say("checkpoint log '{}' line {}: {}; nothing from there on "
                   "is trusted",
                   files.checkpoints.string(), p.line, p.said));
  }
  if (sealed_with && status.log.checkpoints == 0 && status.log.problems.empty()) {
    status.problems.push_back(
        model::say("the checkpoint log '{}' is empty, yet this database was sealed",
                   files.checkpoints.string()));
  }
  return status;
}

}  // namespace regflow::app
