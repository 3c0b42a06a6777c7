#include "reports/github_reporter.h"

#include <fstream>
#include <ostream>

#include "reports/atomic_file.h"
#include "reports/xml_text.h"

namespace settle {

GithubReporter::GithubReporter(std::ostream& out, std::string summary_path,
                               const ResultStore& results)
    : out_(out), summary_path_(std::move(summary_path)), markdown_("", results) {}

namespace {

// Workflow-command escaping as actions/toolkit does it: %, CR and LF everywhere; in a property
// also ':' and ',', which would end it. First, as in every other format, invalid UTF-8 becomes
// U+FFFD and control characters (an escape sequence would reach the log's terminal) \xHH.
std::string escaped(const std::string& raw, bool property) {
  std::string out;
  for (char c : xml_safe_text(raw)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      case '\x7f':  // XML holds DEL; a terminal takes it as a key
        out += "\\x7F";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string GithubReporter::escape_data(const std::string& text) { return escaped(text, false); }

std::string GithubReporter::escape_property(const std::string& text) { return escaped(text, true); }

void GithubReporter::begin(const RunInfo& run) { markdown_.begin(run); }

void GithubReporter::add(const Result& result) {
  markdown_.add(result);
  if (!is_failure(result.status) || result.known_failure) return;
  if (annotations_.size() == kMaxAnnotations) {
    ++unannotated_;
    return;
  }
  const Case& test = *result.test;
  std::string line = "::error file=" + escape_property(test.file);
  if (test.line > 0) line += ",line=" + std::to_string(test.line);
  line += ",title=" + escape_property(test.id + " [" + result.engine + "] " +
                                      std::string(status_name(result.status)));
  std::string message =
      result.message.empty() ? std::string(status_name(result.status)) : result.message;
  if (!test.description.empty()) message = test.description + "\n" + message;
  annotations_.push_back(line + "::" + escape_data(message));
}

std::string GithubReporter::summary_text(const Summary& summary) const {
  static const std::size_t kRows[] = {MarkdownReporter::kMaxRows, 100, 50, 20, 5, 0};
  std::string text;
  for (std::size_t rows : kRows) {
    text = markdown_.render(summary, rows);
    std::string note;
    if (rows < MarkdownReporter::kMaxRows) {
      note = "\n_Every list above is cut to " + std::to_string(rows) +
             " rows to keep this summary within GitHub's 65,535 bytes; the JSON report has every "
             "result._\n";
    }
    if (text.size() + note.size() <= kMaxSummaryBytes) return text + note;
  }
  // Still too long (a baseline diff of many cases): cut at a line, and say so.
  static const std::string kCut =
      "\n_The rest of this summary is cut to keep it within GitHub's 65,535 bytes; the JSON report "
      "has every result._\n";
  std::size_t end = text.rfind('\n', kMaxSummaryBytes - kCut.size());
  return text.substr(0, end == std::string::npos ? 0 : end) + kCut;
}

void GithubReporter::end(const Summary& summary) {
  for (const std::string& annotation : annotations_) out_ << annotation << "\n";
  if (unannotated_ > 0) {
    out_ << "::warning title=settle::" << unannotated_
         << " more unexpected failures are not annotated (at most " << kMaxAnnotations
         << "); the JSON and JUnit reports list them all\n";
  }
  out_.flush();
  if (summary_path_.empty()) return;
  // GitHub gives each step a file of its own and reads what the step appended to it.
  std::ofstream file(summary_path_, std::ios::app | std::ios::binary);
  file << summary_text(summary);
  if (!file.flush()) throw ReportWriteError("cannot write the job summary to " + summary_path_);
}

}  // namespace settle
