#include "reports/console_reporter.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "reports/diff_text.h"
#include "reports/markdown_text.h"
#include "runner/comparison.h"

namespace settle {
namespace {

const Status kStatuses[] = {Status::kPass, Status::kFail, Status::kSkip, Status::kTimeout,
                            Status::kError};

// Text from case files and engines as the terminal should show it: control characters (an escape
// sequence, a bell, a carriage return) written as \u001b and so on, never sent to the terminal;
// newlines and tabs kept.
std::string visible(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

std::string indent(const std::string& raw, const std::string& prefix) {
  std::string text = visible(raw);
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
  for (const EngineInfo& engine : run.engines) engines_.push_back(engine.name);
  auto baseline = run.settings.find("baseline");
  if (baseline != run.settings.end()) baseline_ = baseline->second;
  for (const LoadError& error : run.load_errors) {
    std::fprintf(out_, "%s %s\n", paint("INPUT ERROR", "1;31").c_str(),
                 visible(error.to_string()).c_str());
  }
}

void ConsoleReporter::clear_progress() {
  if (progress_shown_) {
    std::fputs("\r\x1b[2K", progress_out_);
    std::fflush(progress_out_);
    progress_shown_ = false;
  }
}

void ConsoleReporter::progress(std::size_t done, std::size_t total, const Result& latest) {
  if (!options_.progress) return;
  std::fprintf(progress_out_, "\r\x1b[2K[%zu/%zu] %s %s", done, total, latest.engine.c_str(),
               latest.test->id.c_str());
  std::fflush(progress_out_);
  progress_shown_ = true;
}

void ConsoleReporter::add(const Result& result) {
  slowest_.add(result);
  if (engines_.size() > 1 && !options_.quiet) {
    Result cell;  // the matrix shows statuses: nothing else of the result is kept
    cell.test = result.test;
    cell.engine = result.engine;
    cell.status = result.status;
    results_.push_back(std::move(cell));
  }
  if (options_.quiet || result.status == Status::kPass || result.status == Status::kSkip) return;
  clear_progress();
  if (result.known_failure) {
    std::fprintf(
        out_, "%s %s [%s]  %s%s\n", paint("XFAIL", "2").c_str(), result.test->id.c_str(),
        result.engine.c_str(), std::string(status_name(result.status)).c_str(),
        result.known_failure->empty() ? "" : visible(": " + *result.known_failure).c_str());
    return;
  }
  const char* color = result.status == Status::kFail ? "1;31" : "1;33";
  std::string label = result.status == Status::kFail      ? "FAIL"
                      : result.status == Status::kTimeout ? "TIMEOUT"
                                                          : "ERROR";
  std::fprintf(out_, "%s %s [%s]  (%s)\n", paint(label, color).c_str(),
               visible(result.test->id).c_str(), result.engine.c_str(),
               visible(result.test->file).c_str());
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
  const GateOutcome& gate = summary.gate;
  if (gate.expectations_used) {
    line << ", " << count_of(gate.known_failures, "known failure", "known failures");
    if (!gate.unexpected_passes.empty()) {
      line << ", "
           << count_of(gate.unexpected_passes.size(), "unexpected pass", "unexpected passes");
    }
    if (!gate.missing_cases.empty()) {
      line << ", " << count_of(gate.missing_cases.size(), "stale entry", "stale entries");
    }
  }
  if (gate.baseline) {
    line << ", " << count_of(gate.baseline->regressions.size(), "regression", "regressions") << ", "
         << count_of(gate.baseline->fixes.size(), "fix", "fixes");
  }
  if ((gate.expectations_used || gate.baseline) && !gate.unexpected_failures.empty()) {
    line << ", "
         << count_of(gate.unexpected_failures.size(), "unexpected failure", "unexpected failures");
  }
  if (summary.load_errors > 0) line << ", " << summary.load_errors << " case files not loaded";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, " in %.2f s", summary.seconds);
  line << seconds;
  if (!summary.complete) line << " (interrupted)";
  return line.str();
}

void ConsoleReporter::print_disagreements() {
  Comparison comparison = compare_engines(engines_, results_);
  if (comparison.rows.empty()) return;
  if (comparison.disagreements == 0) {
    std::fprintf(out_, "\nthe %zu engines agree on all %zu cases\n", engines_.size(),
                 comparison.rows.size());
    return;
  }
  std::size_t shown = std::min(comparison.disagreements, kMaxMatrixRows);
  std::size_t id_width = 4;
  for (std::size_t i = 0; i < shown; ++i) {
    id_width = std::max(id_width, comparison.rows[i].test->id.size());
  }
  std::fprintf(out_, "\nengines disagree on %zu of %zu cases:\n", comparison.disagreements,
               comparison.rows.size());
  auto padded = [](const std::string& text, std::size_t width) {
    return text + std::string(width > text.size() ? width - text.size() : 0, ' ');
  };
  auto print_row = [&](const std::string& first, const std::vector<std::string>& columns) {
    std::string line = padded(first, id_width);
    for (std::size_t e = 0; e < columns.size(); ++e) {
      line += "  " + padded(columns[e], std::max<std::size_t>(engines_[e].size(), 7));
    }
    line.erase(line.find_last_not_of(' ') + 1);
    std::fprintf(out_, "%s\n", line.c_str());
  };
  print_row("case", engines_);
  for (std::size_t i = 0; i < shown; ++i) {
    const ComparisonRow& row = comparison.rows[i];
    std::vector<std::string> statuses;
    for (const Result* cell : row.cells) {
      statuses.push_back(cell ? std::string(status_name(cell->status)) : "-");
    }
    print_row(row.test->id, statuses);
  }
  if (shown < comparison.disagreements) {
    std::fprintf(out_, "... and %zu more: see the --markdown or --html report\n",
                 comparison.disagreements - shown);
  }
}

void ConsoleReporter::print_gate(const GateOutcome& gate) {
  if (gate.baseline) {
    std::fputs("\n", out_);
    std::fputs(diff_text(*gate.baseline, baseline_, "this run").c_str(), out_);
  }
  bool listed = !gate.unexpected_failures.empty() || !gate.unexpected_passes.empty() ||
                !gate.missing_cases.empty();
  if (!listed || (!gate.expectations_used && !gate.baseline)) return;
  std::fprintf(out_, "\ngate %s:\n", gate.passed() ? "passed" : paint("FAILED", "1;31").c_str());
  auto list = [&](const char* label, const std::vector<GateEntry>& entries) {
    for (const GateEntry& entry : entries) {
      std::fprintf(out_, "  %s %s [%s]  %s\n", label, entry.id.c_str(), entry.engine.c_str(),
                   entry.detail.c_str());
    }
  };
  list("unexpected failure", gate.unexpected_failures);
  list("unexpected pass   ", gate.unexpected_passes);
  list("stale entry       ", gate.missing_cases);
  if ((!gate.unexpected_passes.empty() || !gate.missing_cases.empty())) {
    std::fprintf(out_, "  (stale entries %s; --update-expectations FILE rewrites the file)\n",
                 gate.strict_expectations ? "fail the gate with --strict-expectations"
                                          : "fail the gate only with --strict-expectations");
  }
}

void ConsoleReporter::print_slowest() {
  std::vector<SlowRun> slowest = slowest_.slowest_first();
  if (slowest.empty()) return;
  std::fprintf(out_, "\nslowest %zu of %zu case-runs:\n", slowest.size(), slowest_.runs_seen());
  char first[32];
  int width = std::snprintf(first, sizeof first, "%.2f", slowest.front().duration_ms);
  for (const SlowRun& run : slowest) {
    std::fprintf(out_, "  %*.2f ms  %s [%s]\n", width, run.duration_ms, visible(run.id).c_str(),
                 run.engine.c_str());
  }
}

void ConsoleReporter::end(const Summary& summary) {
  clear_progress();
  if (!options_.quiet && engines_.size() > 1) print_disagreements();
  print_slowest();
  if (!options_.quiet && !summary.per_engine.empty()) {
    std::fprintf(out_, "\n%-24s %7s %7s %7s %7s %7s %7s\n", "engine", "pass", "fail", "skip",
                 "timeout", "error", "total");
    for (const auto& [engine, counts] : summary.per_engine) {
      std::fprintf(out_, "%-24s", engine.c_str());
      for (Status status : kStatuses) std::fprintf(out_, " %7zu", counts.count(status));
      std::fprintf(out_, " %7zu\n", counts.total());
    }
  }
  if (!options_.quiet) print_gate(summary.gate);
  std::fprintf(out_, "%s\n", final_line(summary).c_str());
  std::fflush(out_);
}

}  // namespace settle
