#include "reports/console_reporter.h"

#include <cstdio>
#include <sstream>

namespace settle {
namespace {

const Status kStatuses[] = {Status::kPass, Status::kFail, Status::kSkip, Status::kTimeout,
                            Status::kError};

std::string indent(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  std::string line, out;
  while (std::getline(lines, line)) out += prefix + line + "\n";
  return out;
}

}  // namespace

std::string ConsoleReporter::paint(const std::string& text, const char* code) const {
  return options_.color ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
}

void ConsoleReporter::begin(const RunInfo& run) {
  for (const LoadError& error : run.load_errors) {
    std::fprintf(out_, "%s %s\n", paint("INPUT ERROR", "1;31").c_str(), error.to_string().c_str());
  }
}

void ConsoleReporter::clear_progress() {
  if (progress_shown_) {
    std::fputs("\r\x1b[2K", out_);
    progress_shown_ = false;
  }
}

void ConsoleReporter::progress(std::size_t done, std::size_t total, const Result& latest) {
  if (!options_.progress) return;
  std::fprintf(out_, "\r\x1b[2K[%zu/%zu] %s %s", done, total, latest.engine.c_str(),
               latest.test->id.c_str());
  std::fflush(out_);
  progress_shown_ = true;
}

void ConsoleReporter::add(const Result& result) {
  if (options_.quiet || result.status == Status::kPass || result.status == Status::kSkip) return;
  clear_progress();
  const char* color = result.status == Status::kFail ? "1;31" : "1;33";
  std::string label = result.status == Status::kFail      ? "FAIL"
                      : result.status == Status::kTimeout ? "TIMEOUT"
                                                          : "ERROR";
  std::fprintf(out_, "%s %s [%s]  (%s)\n", paint(label, color).c_str(), result.test->id.c_str(),
               result.engine.c_str(), result.test->file.c_str());
  if (!result.test->description.empty()) {
    std::fputs(indent(result.test->description, "    ").c_str(), out_);
  }
  std::fputs(indent(result.message, "  ").c_str(), out_);
}

std::string ConsoleReporter::final_line(const Summary& summary) {
  StatusCounts all = summary.overall();
  std::ostringstream line;
  line << "settle: " << all.count(Status::kPass) << " passed, " << all.count(Status::kFail)
       << " failed, " << all.count(Status::kSkip) << " skipped, " << all.count(Status::kTimeout)
       << " timed out, " << all.count(Status::kError) << " errors";
  if (summary.load_errors > 0) line << ", " << summary.load_errors << " case files not loaded";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, " in %.2f s", summary.seconds);
  line << seconds;
  if (!summary.complete) line << " (interrupted)";
  return line.str();
}

void ConsoleReporter::end(const Summary& summary) {
  clear_progress();
  if (!options_.quiet && !summary.per_engine.empty()) {
    std::fprintf(out_, "\n%-24s %7s %7s %7s %7s %7s %7s\n", "engine", "pass", "fail", "skip",
                 "timeout", "error", "total");
    for (const auto& [engine, counts] : summary.per_engine) {
      std::fprintf(out_, "%-24s", engine.c_str());
      for (Status status : kStatuses) std::fprintf(out_, " %7zu", counts.count(status));
      std::fprintf(out_, " %7zu\n", counts.total());
    }
  }
  std::fprintf(out_, "%s\n", final_line(summary).c_str());
  std::fflush(out_);
}

}  // namespace settle
