// The one escaper for text put into markup: HTML pages (web/templates, through mstch) and SVG
// charts (svg_chart). One function, so that a character one of them shows safely the other
// cannot let through: a chart drawn inline in a page passes through both.
#pragma once

#include <string>
#include <string_view>

namespace regflow::cli::render {

/// `text` for element content and quoted attribute values of HTML and XML: & < > " ' and the
/// backtick (which old browsers took as an attribute quote) as character references; tab, LF
/// and CR kept; other C0 control characters and DEL shown as their Unicode control pictures
/// (ESC as U+241B), which XML 1.0 can hold and a reader can see, rather than passed to a
/// terminal or dropped without a trace.
std::string markup_escape(std::string_view text);

}  // namespace regflow::cli::render
