#include "cli/terminal_guard.hpp"

#include "cli/render/printable.hpp"

namespace regflow::cli {

// Buffers up to each newline (or flush) so that an escape sequence or a UTF-8 character is
// judged whole, not split across two writes.
class TerminalGuard::Filter : public std::streambuf {
 public:
  explicit Filter(std::streambuf* target) : target_(target) {}
  ~Filter() override { sync(); }
  bool raw = false;

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return sync() == 0 ? 0 : ch;
    pending_ += traits_type::to_char_type(ch);
    if (ch == '\n') flush_pending();
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<std::size_t>(n));
    if (pending_.find('\n') != std::string::npos) flush_pending();
    return n;
  }
  int sync() override {
    flush_pending();
    return target_->pubsync();
  }

 private:
  void flush_pending() {
    if (pending_.empty()) return;
    const std::string text =
        raw ? pending_ : render::printable(pending_, render::LineBreaks::Keep);
    target_->sputn(text.data(), static_cast<std::streamsize>(text.size()));
    pending_.clear();
  }
  std::streambuf* target_;
  std::string pending_;
};

TerminalGuard::TerminalGuard()
    : out_(std::make_unique<Filter>(std::cout.rdbuf())),
      err_(std::make_unique<Filter>(std::cerr.rdbuf())),
      saved_out_(std::cout.rdbuf(out_.get())),
      saved_err_(std::cerr.rdbuf(err_.get())) {}

TerminalGuard::~TerminalGuard() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(saved_out_);
  std::cerr.rdbuf(saved_err_);
}

void TerminalGuard::raw_stdout() {
  std::cout.flush();
  out_->raw = true;
}

}  // namespace regflow::cli
