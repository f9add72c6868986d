#include "engine/seal/checkpoint.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <set>
#include <string_view>

#include "engine/model/digest.hpp"

namespace regflow::seal {
namespace {

bool parse_count(std::string_view text, std::int64_t& out) {
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), out);
  return parsed.ec == std::errc{} && parsed.ptr == text.data() + text.size() && out >= 0 &&
         !text.empty() && (text.size() == 1 || text.front() != '0');
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// "name=value" → value, when the field has that name.
std::optional<std::string_view> field(std::string_view text, std::string_view name) {
  if (text.size() <= name.size() || text.substr(0, name.size()) != name ||
      text[name.size()] != '=') {
    return std::nullopt;
  }
  return text.substr(name.size() + 1);
}

// A dossier id as it stands in a line: bytes other than letters, digits, '.', '_' and '-' as %XX,
// so that an imported id of any shape cannot break the line's words or its heads.
std::string escape_id(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '.' || c == '_' || c == '-') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    }
  }
  return out;
}

std::optional<std::string> unescape_id(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const auto byte = i + 2 < text.size() ? model::from_hex(text.substr(i + 1, 2)) : std::nullopt;
    if (!byte) return std::nullopt;
    out += *byte;
    i += 2;
  }
  return out;
}

std::string changed_text(const std::vector<ChainHead>& heads) {
  std::string out;
  for (const auto& h : heads) {
    if (!out.empty()) out += ',';
    out += fmt::format("{}:{}:{}", escape_id(h.dossier_id), h.sequence, h.hash);
  }
  return out;
}

}  // namespace

std::string signed_text(const Checkpoint& c) {
  return fmt::format("checkpoint {} {} dossiers={} heads={} prev={} key={} changed={}", c.number,
                     c.at, c.dossiers, c.heads_digest, c.previous, c.key, changed_text(c.changed));
}

std::string format_line(const Checkpoint& c) {
  return signed_text(c) + " sig=" + c.signature;
}

std::variant<Checkpoint, model::Message> parse_line(const std::string& line) {
  const auto words = split(line, ' ');
  if (words.size() != 9 || words[0] != "checkpoint") {
    return model::say(
        "not a checkpoint line (expected 'checkpoint N AT dossiers= heads= prev= key= changed= "
        "sig=')");
  }
  Checkpoint c;
  if (!parse_count(words[1], c.number) || c.number == 0) return model::say("bad number");
  c.at = std::string(words[2]);
  const auto dossiers = field(words[3], "dossiers");
  const auto heads = field(words[4], "heads");
  const auto previous = field(words[5], "prev");
  const auto key = field(words[6], "key");
  const auto changed =
      words[7] == "changed=" ? std::optional<std::string_view>("") : field(words[7], "changed");
  const auto signature = field(words[8], "sig");
  if (!dossiers || !heads || !previous || !key || !changed || !signature ||
      !parse_count(*dossiers, c.dossiers)) {
    return model::say("a field is missing or malformed");
  }
  c.heads_digest = std::string(*heads);
  c.previous = std::string(*previous);
  c.key = std::string(*key);
  c.signature = std::string(*signature);
  if (!changed->empty()) {
    for (const auto item : split(*changed, ',')) {
      // Dossier ids hold no ':'; the sequence and hash are the last two parts.
      const auto parts = split(item, ':');
      ChainHead head;
      if (parts.size() != 3 || parts[0].empty() || !parse_count(parts[1], head.sequence) ||
          head.sequence == 0 || parts[2].size() != 64) {
        return model::say("malformed head '{}'", item);
      }
      auto id = unescape_id(parts[0]);
      if (!id) return model::say("malformed dossier id '{}'", parts[0]);
      head.dossier_id = std::move(*id);
      head.hash = std::string(parts[2]);
      c.changed.push_back(std::move(head));
    }
  }
  // Only the exact text regflow writes is accepted, so that a line has one reading.
  if (format_line(c) != line) return model::say("not in the form regflow writes");
  return c;
}

std::string heads_digest(const std::map<std::string, ChainHead>& heads) {
  std::string text;
  for (const auto& [id, head] : heads) {
    text += fmt::format("{} {} {}\n", escape_id(id), head.sequence, head.hash);
  }
  return model::sha256_hex(text);
}

CheckpointLog read_log(const std::vector<std::string>& lines, const std::string& public_key) {
  CheckpointLog log;
  log.last_line_digest = "-";
  const std::string key = fingerprint(public_key);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line_number = static_cast<std::int64_t>(i + 1);
    const auto fail = [&](model::Message reason) {
      std::string english = model::english(reason);
      log.problems.push_back({line_number, std::move(english), std::move(reason)});
      return log;
    };
    auto parsed = parse_line(lines[i]);
    if (auto* why = std::get_if<model::Message>(&parsed)) return fail(*why);
    const auto& c = std::get<Checkpoint>(parsed);
    if (c.number != line_number) {
      return fail(model::say(
          "checkpoint {} where checkpoint {} belongs: a line was removed, added or moved", c.number,
          line_number));
    }
    if (c.previous != log.last_line_digest) {
      return fail(model::say(
          "it does not follow the line before it (prev={}, expected {}): a line was removed or "
          "edited",
          c.previous, log.last_line_digest));
    }
    if (c.key != key) {
      return fail(model::say("signed by key {}, not by this installation's key {}", c.key, key));
    }
    const auto signature = model::from_hex(c.signature);
    if (!signature || !signature_valid(public_key, signed_text(c), *signature)) {
      return fail(model::say("its signature is not valid: the line was edited"));
    }
    auto heads = log.heads;
    for (const auto& h : c.changed) heads[h.dossier_id] = h;
    if (static_cast<std::int64_t>(heads.size()) != c.dossiers ||
        heads_digest(heads) != c.heads_digest) {
      return fail(model::say("its heads digest is not that of the chains it lists"));
    }
    log.heads = std::move(heads);
    for (const auto& h : c.changed) {
      log.signed_heads[h.dossier_id].push_back({h.sequence, h.hash, c.number});
    }
    log.checkpoints = line_number;
    log.last_line_digest = model::sha256_hex(lines[i]);
    log.last_at = c.at;
  }
  return log;
}

std::vector<ChainHead> changed_heads(const CheckpointLog& log,
                                     const std::vector<ChainHead>& current) {
  std::vector<ChainHead> out;
  for (const auto& head : current) {
    const auto found = log.heads.find(head.dossier_id);
    if (found == log.heads.end() || !(found->second == head)) out.push_back(head);
  }
  return out;
}

std::vector<std::string> vanished(const CheckpointLog& log, const std::vector<ChainHead>& current) {
  std::set<std::string> present;
  for (const auto& head : current) present.insert(head.dossier_id);
  std::vector<std::string> out;
  for (const auto& [id, head] : log.heads) {
    if (present.count(id) == 0) out.push_back(id);
  }
  return out;
}

std::optional<Checkpoint> next_checkpoint(const CheckpointLog& log,
                                          const std::vector<ChainHead>& current,
                                          const std::string& at, const SigningKey& key) {
  auto changed = changed_heads(log, current);
  if (changed.empty() && log.checkpoints > 0) return std::nullopt;
  Checkpoint c;
  c.number = log.checkpoints + 1;
  c.at = at;
  auto heads = log.heads;
  for (const auto& h : changed) heads[h.dossier_id] = h;
  c.dossiers = static_cast<std::int64_t>(heads.size());
  c.heads_digest = heads_digest(heads);
  c.previous = log.last_line_digest;
  c.key = fingerprint(key.public_key());
  c.changed = std::move(changed);
  c.signature = model::lower_hex(key.sign(signed_text(c)));
  return c;
}

}  // namespace regflow::seal
