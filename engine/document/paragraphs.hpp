// The text of a document as paragraphs, so that two versions of a draft can be compared the way
// the bureau reads them: DOCX (word/document.xml, `w:p`), ODT (content.xml, `text:p` and
// `text:h`), Markdown and plain text (blocks between blank lines). A DOCX or ODT is a zip of XML
// read with libzip and libxml2; the bytes come from whoever uploaded them, so a zip that
// inflates beyond a cap, XML with a DOCTYPE (entities), or malformed XML is refused with the
// reason, never trusted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/model/message.hpp"

namespace regflow::document {

enum class TextFormat { Docx, Odt, Markdown, Plain, None };

/// The format a document's text can be read in, from its media type and name; None when no
/// text comparison is possible (a PDF, a scan).
TextFormat text_format(const std::string& media_type, const std::string& name);

/// "DOCX", "ODT", "Markdown", "plain text", "none".
std::string format_name(TextFormat format);

/// At most this many bytes are inflated from the zip entry that holds a document's text.
inline constexpr std::int64_t kMaxInflatedText = 64LL * 1024 * 1024;

/// The paragraphs, or why they cannot be read (a message for people).
using Paragraphs = std::variant<std::vector<std::string>, model::Message>;

/// The document's paragraphs, in order, each with its runs of text joined and its surrounding
/// white space trimmed; empty paragraphs are left out.
Paragraphs paragraphs(std::string_view bytes, TextFormat format);

}  // namespace regflow::document
