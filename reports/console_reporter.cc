#include "reports/console_reporter.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include "reports/case_rows.h"
#include "reports/diff_text.h"
#include "reports/report_text.h"

namespace settle {
namespace {

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
  for (const EngineInfo& engine : run.engines) {
    engines_.push_back(engine.name);
    if (!engine.lower.empty()) lowered_[engine.name] = {engine.lower, engine.lowered_by, 0};
  }
  baseline_ = run.settings.baseline.value_or("");
  for (const InputError& error : run.load_errors) {
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
  if (result.observed.lowered) ++lowered_[result.engine].runs;
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
  std::string label(status_name(result.status));  // FAIL, TIMEOUT, ERROR
  for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::fprintf(out_, "%s %s [%s]  (%s)\n", paint(label, color).c_str(),
               visible(result.test->id).c_str(), result.engine.c_str(),
               visible(result.test->file).c_str());
  if (!result.test->description.empty()) {
    std::fputs(indent(result.test->description, "    ").c_str(), out_);
  }
  std::fputs(indent(result.message, "  ").c_str(), out_);
}

void ConsoleReporter::print_disagreements() {
  struct Row {
    std::string id;
    std::vector<std::string> statuses;
  };
  std::vector<Row> shown;  // the first kMaxMatrixRows disagreements
  CaseRows::Counts counts;
  try {
    CaseRows(*results_, engines_).for_each([&](const ComparisonRow& row) {
      ++counts.cases;
      counts.skipped += row.skipped > 0;
      if (!row.disagree) return;
      if (++counts.disagreements > kMaxMatrixRows) return;
      Row& line = shown.emplace_back();
      line.id = row.test->id;
      for (const Result* cell : row.cells) {
        line.statuses.push_back(cell ? std::string(status_name(cell->status)) : "-");
      }
    });
  } catch (const ReportWriteError& error) {
    std::fprintf(out_, "\n(the engine matrix cannot be shown: %s)\n", error.what());
    return;
  }
  if (counts.cases == 0) return;
  // A case some engine skipped is judged among the engines that ran it.
  std::string skips = counts.skipped == 0
                          ? ""
                          : " (" + std::to_string(counts.skipped) +
                                (counts.skipped == 1 ? " case" : " cases") +
                                " skipped by some engine: a skip is not a disagreement)";
  if (counts.disagreements == 0) {
    std::fprintf(out_, "\nthe %zu engines agree on all %zu cases%s\n", engines_.size(),
                 counts.cases, skips.c_str());
    return;
  }
  std::size_t id_width = 4;
  for (const Row& row : shown) id_width = std::max(id_width, row.id.size());
  std::fprintf(out_, "\nengines disagree on %zu of %zu cases%s:\n", counts.disagreements,
               counts.cases, skips.c_str());
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
  for (const Row& row : shown) print_row(row.id, row.statuses);
  if (shown.size() < counts.disagreements) {
    std::fprintf(out_, "... and %zu more: see the --markdown or --html report\n",
                 counts.disagreements - shown.size());
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

// Says which engines ran lowered code, so that nobody takes their verdicts for native ones.
void ConsoleReporter::print_lowering(const Summary& summary) {
  for (const auto& [engine, lowered] : lowered_) {
    std::fprintf(out_,
                 "%s: %zu test262 runs lowered to %s by %s before they ran: not native verdicts\n",
                 engine.c_str(), lowered.runs, lowered.level.c_str(), lowered.transpiler.c_str());
  }
  if (summary.lowering) {
    std::fprintf(out_, "lowering: %zu texts lowered, %zu from the cache\n",
                 summary.lowering->transformed, summary.lowering->from_cache);
  }
}

void ConsoleReporter::end(const Summary& summary) {
  clear_progress();
  if (!options_.quiet && engines_.size() > 1 && results_) print_disagreements();
  print_slowest();
  if (!options_.quiet && !summary.per_engine.empty()) {
    std::fprintf(out_, "\n%-24s", "engine");
    for (Status status : kAllStatuses) {
      std::fprintf(out_, " %7s", std::string(status_name(status)).c_str());
    }
    std::fprintf(out_, " %7s\n", "total");
    for (const auto& [engine, counts] : summary.per_engine) {
      std::fprintf(out_, "%-24s", engine.c_str());
      for (Status status : kAllStatuses) std::fprintf(out_, " %7zu", counts.count(status));
      std::fprintf(out_, " %7zu\n", counts.total());
    }
    print_lowering(summary);
  }
  if (!options_.quiet) print_gate(summary.gate);
  std::fprintf(out_, "%s\n", final_line(summary).c_str());
  std::fflush(out_);
}

}  // namespace settle
