#include "engine/runtime/state_snapshot.hpp"

#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <type_traits>

#include "engine/model/digest.hpp"

namespace regflow::runtime {
namespace {

// A snapshot's bytes, written and read field by field. (Boost's binary archive carried them at
// first; with every number a varint it only added a virtual call for each byte, and encoding
// and decoding were 13% of an action in W1. The bytes of format 2 are the same either way.)
struct Unreadable {};

class Writer {
 public:
  using is_loading = std::false_type;
  explicit Writer(std::string& out) : out_(out) {}
  void save_binary(const void* bytes, std::size_t size) {
    out_.append(static_cast<const char*>(bytes), size);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  using is_loading = std::true_type;
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  void load_binary(void* bytes, std::size_t size) {
    if (size > rest_.size()) throw Unreadable{};
    std::memcpy(bytes, rest_.data(), size);
    rest_.remove_prefix(size);
  }
  bool exhausted() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

// One function per kind of field, for both directions, so that each type's fields are listed
// once (in `fields` below) and saving and loading cannot drift apart.
template <typename Archive>
constexpr bool loading = Archive::is_loading::value;

// Every element takes at least one byte, so a count above the snapshot's size is corruption;
// refusing it early keeps a damaged row from asking for gigabytes.
thread_local std::uint64_t max_count = 0;

template <typename Archive>
void check_count(std::uint64_t count) {
  if (loading<Archive> && count > max_count) {
    throw Unreadable{};
  }
}

// Declared first so that the container templates below find each of them (they are not
// visible to argument-dependent lookup from std types).
template <typename Archive>
void field(Archive& ar, time::Date& date);
template <typename Archive>
void field(Archive& ar, time::Instant& instant);
template <typename Archive>
void field(Archive& ar, time::Duration& duration);
template <typename Archive>
void field(Archive& ar, model::Value& value);
template <typename Archive>
void field(Archive& ar, RevisionRound& round);
template <typename Archive>
void field(Archive& ar, DeadlineClock& clock);
template <typename Archive, typename T>
void field(Archive& ar, std::optional<T>& value);
template <typename Archive, typename T>
void field(Archive& ar, std::vector<T>& items);
template <typename Archive, typename T>
void field(Archive& ar, std::set<T>& items);
template <typename Archive, typename V>
void field(Archive& ar, std::map<std::string, V>& items);

// A value of fixed size as its bytes.
template <typename Archive, typename T>
void bytes_of(Archive& ar, T& value) {
  if constexpr (loading<Archive>) {
    ar.load_binary(&value, sizeof value);
  } else {
    ar.save_binary(&value, sizeof value);
  }
}

// Whole numbers as LEB128 varints: lengths, counts, enums and days since 1970 are small, so a
// state takes about half the bytes of fixed eight-byte fields, and several dossiers' snapshots
// share a database page. That page is read and written on every action (bench/README.md, W1).
// Only the shortest form of each number is accepted, so one state has one encoding.
template <typename Archive>
void varint(Archive& ar, std::uint64_t& value) {
  if constexpr (loading<Archive>) {
    value = 0;
    for (int shift = 0;; shift += 7) {
      unsigned char byte = 0;
      ar.load_binary(&byte, 1);
      const bool last = (byte & 0x80U) == 0;
      const std::uint64_t bits = byte & 0x7fU;
      if ((shift == 63 && bits > 1) || (last && bits == 0 && shift > 0)) {
        throw Unreadable{};
      }
      value |= bits << shift;
      if (last) return;
      if (shift == 63) {
        throw Unreadable{};
      }
    }
  } else {
    unsigned char bytes[10];
    std::size_t size = 0;
    std::uint64_t rest = value;
    do {
      auto byte = static_cast<unsigned char>(rest & 0x7fU);
      rest >>= 7;
      if (rest != 0) byte |= 0x80U;
      bytes[size++] = byte;
    } while (rest != 0);
    ar.save_binary(bytes, size);
  }
}

// Signed numbers zigzagged first, so that small negative ones stay short too.
template <typename Archive>
void signed_varint(Archive& ar, std::int64_t& value) {
  auto raw = static_cast<std::uint64_t>(value);
  std::uint64_t zigzag = (raw << 1) ^ (value < 0 ? ~std::uint64_t{0} : 0);
  varint(ar, zigzag);
  if constexpr (loading<Archive>) {
    value = static_cast<std::int64_t>((zigzag >> 1) ^ (~(zigzag & 1) + 1));
  }
}

// A number of type T, refused on loading when it does not fit T.
template <typename Archive, typename T>
void whole_number(Archive& ar, T& value) {
  if constexpr (std::is_signed_v<T>) {
    auto wide = static_cast<std::int64_t>(value);
    signed_varint(ar, wide);
    if constexpr (loading<Archive>) {
      if (wide < std::numeric_limits<T>::min() || wide > std::numeric_limits<T>::max()) {
        throw Unreadable{};
      }
      value = static_cast<T>(wide);
    }
  } else {
    auto wide = static_cast<std::uint64_t>(value);
    varint(ar, wide);
    if constexpr (loading<Archive>) {
      if (wide > std::numeric_limits<T>::max()) {
        throw Unreadable{};
      }
      value = static_cast<T>(wide);
    }
  }
}

// A count of elements, each of which takes at least one byte.
template <typename Archive>
void count_of(Archive& ar, std::uint64_t& count) {
  varint(ar, count);
  check_count<Archive>(count);
}

template <typename Archive, typename T>
void field(Archive& ar, T& value) {
  if constexpr (std::is_enum_v<T>) {
    auto raw = static_cast<std::int32_t>(value);
    whole_number(ar, raw);
    if constexpr (loading<Archive>) value = static_cast<T>(raw);
  } else if constexpr (std::is_same_v<T, bool>) {
    // As a byte checked here: Boost asserts on a bool that is neither 0 nor 1.
    auto raw = static_cast<std::uint8_t>(value ? 1 : 0);
    bytes_of(ar, raw);
    if constexpr (loading<Archive>) {
      if (raw > 1) {
        throw Unreadable{};
      }
      value = raw == 1;
    }
  } else if constexpr (std::is_integral_v<T>) {
    whole_number(ar, value);
  } else {
    bytes_of(ar, value);  // doubles, as they lie in memory
  }
}

// Length and bytes, the length checked before anything is allocated for it.
template <typename Archive>
void field(Archive& ar, std::string& text) {
  std::uint64_t size = text.size();
  count_of(ar, size);
  if constexpr (loading<Archive>) {
    text.resize(size);
    ar.load_binary(text.data(), size);
  } else {
    ar.save_binary(text.data(), size);
  }
}

// A SHA-256 digest in lowercase hex (the chain's last hash, the definition's hash) as its 32
// bytes behind a 1, anything else as text behind a 0; it reads back to the same text.
template <typename Archive>
void digest(Archive& ar, std::string& hex) {
  constexpr std::size_t kBytes = 32;
  constexpr const char* kDigits = "0123456789abcdef";
  auto is_digest = [&] {
    return hex.size() == 2 * kBytes && hex.find_first_not_of(kDigits) == std::string::npos;
  };
  std::uint8_t raw = 0;
  if constexpr (!loading<Archive>) raw = is_digest() ? 1 : 0;
  field(ar, raw);
  if (raw == 0) {
    field(ar, hex);
    return;
  }
  if (raw != 1) {
    throw Unreadable{};
  }
  unsigned char bytes[kBytes];
  if constexpr (loading<Archive>) {
    ar.load_binary(bytes, kBytes);
    hex = model::lower_hex({reinterpret_cast<const char*>(bytes), kBytes});
  } else {
    auto nibble = [](char digit) {
      return static_cast<unsigned>(digit <= '9' ? digit - '0' : digit - 'a' + 10);
    };
    for (std::size_t i = 0; i < kBytes; ++i) {
      bytes[i] = static_cast<unsigned char>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
    }
    ar.save_binary(bytes, kBytes);
  }
}

template <typename Archive>
void field(Archive& ar, time::Date& date) {
  std::int64_t days = date.time_since_epoch().count();
  signed_varint(ar, days);
  if constexpr (loading<Archive>) date = time::Date{std::chrono::days{days}};
}

template <typename Archive>
void field(Archive& ar, time::Instant& instant) {
  std::int64_t seconds = instant.time_since_epoch().count();
  signed_varint(ar, seconds);
  if constexpr (loading<Archive>) instant = time::Instant{std::chrono::seconds{seconds}};
}

template <typename Archive>
void field(Archive& ar, time::Duration& duration) {
  field(ar, duration.amount);
  field(ar, duration.unit);
}

template <typename Archive, typename T>
void field(Archive& ar, std::optional<T>& value) {
  bool present = value.has_value();
  field(ar, present);
  if constexpr (loading<Archive>) {
    value.reset();
    if (present) field(ar, value.emplace());
  } else if (present) {
    field(ar, *value);
  }
}

template <typename Archive, typename T>
void field(Archive& ar, std::vector<T>& items) {
  std::uint64_t count = items.size();
  count_of(ar, count);
  if constexpr (loading<Archive>) items.resize(count);
  for (auto& item : items) field(ar, item);
}

template <typename Archive, typename T>
void field(Archive& ar, std::set<T>& items) {
  std::uint64_t count = items.size();
  count_of(ar, count);
  if constexpr (loading<Archive>) {
    items.clear();
    for (std::uint64_t i = 0; i < count; ++i) {
      T item{};
      field(ar, item);
      items.insert(items.end(), std::move(item));
    }
  } else {
    for (T item : items) field(ar, item);
  }
}

template <typename Archive, typename V>
void field(Archive& ar, std::map<std::string, V>& items) {
  std::uint64_t count = items.size();
  count_of(ar, count);
  if constexpr (loading<Archive>) {
    items.clear();
    for (std::uint64_t i = 0; i < count; ++i) {
      std::string key;
      V value{};
      field(ar, key);
      field(ar, value);
      items.emplace_hint(items.end(), std::move(key), std::move(value));
    }
  } else {
    for (auto& [key, value] : items) {
      std::string k = key;
      field(ar, k);
      field(ar, value);
    }
  }
}

template <typename Archive>
void field(Archive& ar, model::Value& value) {
  auto index = static_cast<std::uint32_t>(value.index());
  field(ar, index);
  if constexpr (loading<Archive>) {
    switch (index) {
      case 0:
        value.emplace<0>();
        break;
      case 1:
        value.emplace<1>();
        break;
      case 2:
        value.emplace<2>();
        break;
      case 3:
        value.emplace<3>();
        break;
      case 4:
        value.emplace<4>();
        break;
      default:
        throw Unreadable{};
    }
  }
  std::visit([&](auto& alternative) { field(ar, alternative); }, value);
}

template <typename Archive>
void field(Archive& ar, RevisionRound& round) {
  field(ar, round.returned);
  field(ar, round.back);
  field(ar, round.from_step);
  field(ar, round.note);
}

template <typename Archive>
void field(Archive& ar, CalendarMove& move) {
  field(ar, move.on);
  field(ar, move.decree);
  field(ar, move.from);
  field(ar, move.to);
}

template <typename Archive>
void field(Archive& ar, DeadlineClock& clock) {
  field(ar, clock.id);
  field(ar, clock.kind);
  field(ar, clock.title);
  field(ar, clock.basis);
  field(ar, clock.within);
  field(ar, clock.on_return);
  field(ar, clock.due_soon);
  field(ar, clock.started);
  field(ar, clock.fixed_due);
  field(ar, clock.rounds);
  field(ar, clock.extended_to);
  field(ar, clock.extension_reason);
  field(ar, clock.ended);
  field(ar, clock.generation);
  field(ar, clock.fired);
  field(ar, clock.calendar_moves);
}

template <typename Archive>
void field(Archive& ar, DossierState& s) {
  field(ar, s.id);
  field(ar, s.workflow);
  digest(ar, s.definition_hash);
  field(ar, s.title);
  field(ar, s.step);
  field(ar, s.closed);
  field(ar, s.version);
  digest(ar, s.last_hash);
  field(ar, s.variables);
  field(ar, s.bindings);
  field(ar, s.reached);
  field(ar, s.signatures);
  field(ar, s.started_at);
  field(ar, s.entered_step_at);
  field(ar, s.escalated_to);
  field(ar, s.clocks);
  field(ar, s.reminders);
  field(ar, s.last_actor);
  field(ar, s.last_agency);
  field(ar, s.started_by);
  field(ar, s.cancelled);
  field(ar, s.cancel_reason);
  field(ar, s.kendala);
  field(ar, s.kendala_agency);
  field(ar, s.kendala_at);
  field(ar, s.documents);
  field(ar, s.acted_for);
}

}  // namespace

std::string encode_snapshot(const DossierState& state) {
  std::string bytes;
  bytes.reserve(1024);
  Writer writer(bytes);
  // The writer only reads; the fields are listed once, for both directions.
  field(writer, const_cast<DossierState&>(state));  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  return bytes;
}

std::optional<DossierState> decode_snapshot(const std::string& bytes) {
  Reader reader(bytes);
  max_count = bytes.size();
  DossierState state;
  try {
    field(reader, state);
  } catch (const Unreadable&) {
    return std::nullopt;
  } catch (const std::bad_alloc&) {
    return std::nullopt;  // a corrupt count asked for more than there is
  } catch (const std::length_error&) {
    return std::nullopt;
  }
  // Bytes left over mean these were not the bytes of one state.
  if (!reader.exhausted()) return std::nullopt;
  return state;
}

}  // namespace regflow::runtime
