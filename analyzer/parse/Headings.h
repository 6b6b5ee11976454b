#pragma once
// Recognising the report's title, part headings (一、总体情况) and the topics
// of part 一 （（一）主动公开…） in every dress they come in: Markdown #…####,
// bare or indented lines, full- or half-width brackets, bold, a colon and
// text on the same line. Prose such as 一是… or 1.… is never a heading.

#include <optional>
#include <string_view>

#include "model/ReportModel.h"
#include "parse/Labels.h"
#include "text/SourceText.h"

namespace nianbao {

std::optional<PartHeading> parsePartHeading(const SourceText& text, std::size_t line,
                                            const LabelIndex& labels);

std::optional<TopicHeading> parseTopicHeading(const SourceText& text, std::size_t line,
                                              const LabelIndex& labels);

}  // namespace nianbao
