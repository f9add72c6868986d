// The papers of the demo's dossiers: before each action of the story, whatever the step
// requires (requires_documents) and the dossier does not hold yet is attached, as small
// Markdown texts written here; and the Governor's Pergub gets its naskah in two versions, so
// that `regflow diff` has a revision to show. Kept apart from the story (demo_script.inc) so the
// story can change without touching this.
#pragma once

#include <memory>
#include <string>

#include "engine/app/document_source.hpp"
#include "engine/app/installation.hpp"

namespace regflow::app {

/// A document held in memory (a generated text, a small upload).
class TextSource : public DocumentSource {
 public:
  explicit TextSource(std::string bytes) : bytes_(std::move(bytes)) {}
  std::int64_t size() const override { return static_cast<std::int64_t>(bytes_.size()); }
  void rewind() override { at_ = 0; }
  std::size_t read(char* buffer, std::size_t capacity) override;

 private:
  std::string bytes_;
  std::size_t at_ = 0;
};

/// Attaches, as `actor` at `when`, a generated text for every kind the dossier's current step
/// requires and it does not hold; the number of events written. Throws Error when an attachment
/// is refused (a demo script or test that cannot file its own papers is broken).
int attach_required_documents(Installation& installation, const std::string& id,
                              const runtime::Actor& actor, time::Instant when);

/// attach_required_documents, and before the demo's chosen actions the versions worth comparing.
int attach_demo_documents(Installation& installation, const std::string& id,
                          const std::string& title, const std::string& action,
                          const runtime::Actor& actor, time::Instant when);

}  // namespace regflow::app
