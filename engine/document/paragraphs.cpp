#include "engine/document/paragraphs.hpp"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace regflow::document {
namespace {

constexpr const char* kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kOdfTextNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

void keep(std::vector<std::string>& out, const std::string& paragraph) {
  auto text = trimmed(paragraph);
  if (!text.empty()) out.push_back(std::move(text));
}

// Blocks between blank lines, their lines joined by one space: a paragraph re-wrapped in an
// editor is still the same paragraph.
std::vector<std::string> text_paragraphs(std::string_view bytes) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start <= bytes.size()) {
    auto end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string line = trimmed(std::string(bytes.substr(start, end - start)));
    if (line.empty()) {
      keep(out, current);
      current.clear();
    } else {
      current += (current.empty() ? "" : " ") + line;
    }
    start = end + 1;
  }
  keep(out, current);
  return out;
}

struct ZipCloser {
  void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};

/// The bytes of one entry of a zip held in memory, inflated up to kMaxInflatedText; or why not.
std::variant<std::string, model::Message> zip_entry(std::string_view bytes, const char* entry) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return std::variant<std::string, model::Message>(std::in_place_index<1>,
                                                     model::say("it cannot be read as a zip"));
  }
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);
    const std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return std::variant<std::string, model::Message>(
        std::in_place_index<1>, model::say("it is not a valid zip ({})", reason));
  }
  zip_error_fini(&error);
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen(archive.get(), entry, 0));
  if (!file) {
    return std::variant<std::string, model::Message>(std::in_place_index<1>,
                                                     model::say("it has no '{}'", entry));
  }
  // The size a zip declares is not trusted: the inflated bytes are counted as they come.
  std::string out;
  std::vector<char> buffer(64 * 1024);
  for (;;) {
    const zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
    if (got < 0) {
      return std::variant<std::string, model::Message>(
          std::in_place_index<1>, model::say("'{}' cannot be inflated ({})", entry,
                                             zip_error_strerror(zip_file_get_error(file.get()))));
    }
    if (got == 0) break;
    if (static_cast<std::int64_t>(out.size()) + got > kMaxInflatedText) {
      return std::variant<std::string, model::Message>(
          std::in_place_index<1>,
          model::say("'{}' inflates to more than {} MiB, which is not a document's text", entry,
                     kMaxInflatedText >> 20));
    }
    out.append(buffer.data(), static_cast<std::size_t>(got));
  }
  return std::variant<std::string, model::Message>(std::in_place_index<0>, std::move(out));
}

bool is(const xmlNode* node, const char* ns, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), ns) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// The text of a paragraph element: text nodes, with tabs, line breaks and ODF's counted
// spaces (text:s) as the white space they stand for.
void collect_text(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) out += reinterpret_cast<const char*>(child->content);
    } else if (is(child, kWordNamespace, "tab") || is(child, kOdfTextNamespace, "tab")) {
      out += '\t';
    } else if (is(child, kWordNamespace, "br") || is(child, kOdfTextNamespace, "line-break")) {
      out += ' ';
    } else if (is(child, kOdfTextNamespace, "s")) {
      out += ' ';
    } else if (child->type == XML_ELEMENT_NODE) {
      collect_text(child, out);
    }
  }
}

void collect_paragraphs(const xmlNode* node, TextFormat format, std::vector<std::string>& out) {
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    const bool paragraph = format == TextFormat::Docx ? is(child, kWordNamespace, "p")
                                                      : (is(child, kOdfTextNamespace, "p") ||
                                                         is(child, kOdfTextNamespace, "h"));
    if (paragraph) {
      std::string text;
      collect_text(child, text);
      keep(out, text);
    } else if (child->type == XML_ELEMENT_NODE) {
      collect_paragraphs(child->children, format, out);
    }
  }
}

struct DocFree {
  void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};

Paragraphs xml_paragraphs(const std::string& xml, TextFormat format, const char* entry) {
  // No network, no entity substitution, no DTD loading; and a document that declares a DTD at
  // all is refused, since neither format has one and entities are how XML bombs are built.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), entry, nullptr, options));
  if (!doc) return model::say("'{}' is not well-formed XML", entry);
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    return model::say("'{}' declares a DTD, which a document's text never needs", entry);
  }
  std::vector<std::string> out;
  collect_paragraphs(xmlDocGetRootElement(doc.get()), format, out);
  return out;
}

}  // namespace

TextFormat text_format(const std::string& media_type, const std::string& name) {
  const std::string lowered = lower(name);
  if (media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ||
      ends_with(lowered, ".docx")) {
    return TextFormat::Docx;
  }
  if (media_type == "application/vnd.oasis.opendocument.text" || ends_with(lowered, ".odt")) {
    return TextFormat::Odt;
  }
  if (media_type == "text/markdown" || ends_with(lowered, ".md")) return TextFormat::Markdown;
  if (media_type == "text/plain" || ends_with(lowered, ".txt")) return TextFormat::Plain;
  return TextFormat::None;
}

std::string format_name(TextFormat format) {
  switch (format) {
    case TextFormat::Docx:
      return "DOCX";
    case TextFormat::Odt:
      return "ODT";
    case TextFormat::Markdown:
      return "Markdown";
    case TextFormat::Plain:
      return "plain text";
    case TextFormat::None:
      return "none";
  }
  return "none";
}

Paragraphs paragraphs(std::string_view bytes, TextFormat format) {
  switch (format) {
    case TextFormat::Markdown:
    case TextFormat::Plain:
      return text_paragraphs(bytes);
    case TextFormat::Docx:
    case TextFormat::Odt: {
      const char* entry = format == TextFormat::Docx ? "word/document.xml" : "content.xml";
      auto xml = zip_entry(bytes, entry);
      if (xml.index() == 1) return std::get<1>(xml);
      return xml_paragraphs(std::get<0>(xml), format, entry);
    }
    case TextFormat::None:
      break;
  }
  return model::say("no text comparison is possible for this format");
}

}  // namespace regflow::document
