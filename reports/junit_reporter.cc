#include "reports/junit_reporter.h"

#include <algorithm>
#include <cstdio>

#include "reports/atomic_file.h"
#include "reports/xml_text.h"
#include "reports/xml_writer.h"
#include "runner/model/first_line.h"

namespace settle {
namespace {

constexpr std::size_t kPendingBytes = 64u << 10;   // a suite's test cases kept before the spill
constexpr std::uint64_t kChunkBytes = 256u << 10;  // read back from the spill at a time

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds);  // the C locale: always a '.' decimal point
  return text;
}

// The case file's name in reports: its id prefix (finally/basics).
std::string file_key(const Case& test) {
  return test.id.substr(0, test.id.size() - test.local_id.size() - 1);
}

// The element that says how a test case did not pass, and its type attribute (none when empty).
struct JunitOutcome {
  const char* element;  // nullptr for a pass
  std::string type;
};

JunitOutcome junit_outcome(Status status, bool known_failure) {
  // As pytest writes an xfail: skipped, so that a known failure does not fail the build.
  if (known_failure) return {"skipped", "known-failure"};
  switch (status) {
    case Status::kPass:
      return {nullptr, ""};
    case Status::kFail:
      return {"failure", "fail"};
    case Status::kSkip:
      return {"skipped", ""};
    case Status::kTimeout:
    case Status::kError:
      return {"error", std::string(status_name(status))};
  }
  return {"error", ""};
}

}  // namespace

void JunitReporter::begin(const RunInfo& run) {
  run_ = run;
  for (const InputError& error : run.load_errors) {
    add_row({"", "settle.load-errors", error.file(), Status::kError, false,
             first_line(error.to_string()), error.to_string(), "", 0},
            false);
  }
}

void JunitReporter::add(const Result& result) {
  const Case& test = *result.test;
  std::string details = result.message;
  if (!test.description.empty()) details = test.description + "\n" + details;
  std::string message = first_line(result.message);
  if (result.known_failure) {
    message = "known failure (" + std::string(status_name(result.status)) + ")" +
              (result.known_failure->empty() ? "" : ": " + *result.known_failure);
  }
  add_row({result.engine, result.engine + "." + file_key(test), test.local_id, result.status,
           result.known_failure.has_value(), message, details, result.observed.printed,
           result.duration_ms / 1000},
          true);
}

void JunitReporter::add_row(const Row& row, bool in_id_order) {
  auto [found, added] = suite_index_.try_emplace(row.suite, suites_.size());
  if (added) {
    suites_.emplace_back();
    suites_.back().name = row.suite;
  }
  Suite& suite = suites_[found->second];
  // An engine's results move from one case file's suite to the next: the one it leaves is done
  // for now, and what it kept goes to the spill.
  auto [latest, first] = latest_suite_.try_emplace(row.engine, found->second);
  if (!first && latest->second != found->second) {
    spill_pending(suites_[latest->second]);
    latest->second = found->second;
  }
  const JunitOutcome outcome = junit_outcome(row.status, row.known_failure);
  const std::string_view element = outcome.element ? outcome.element : "";
  ++suite.tests;
  suite.failures += element == "failure";
  suite.errors += element == "error";
  suite.skipped += element == "skipped";
  suite.seconds += row.seconds;

  // Consumers key test cases by classname and name: keep each pair unique, even when two case
  // files map to one name (cases/a.json beside a test262 a.js) or a file has two load errors.
  // Results come in id order, and a suite's ids share their file's prefix: a name that comes again
  // comes next.
  std::string name = row.name.empty() ? "(unnamed)" : row.name;
  if (in_id_order) {
    suite.last_name_repeats = row.name == suite.last_name ? suite.last_name_repeats + 1 : 1;
    suite.last_name = row.name;
    if (suite.last_name_repeats > 1) {
      name = row.name + " (" + std::to_string(suite.last_name_repeats) + ")";
    }
  } else {
    for (int n = 2; !suite.names.insert(std::hash<std::string>()(name)).second; ++n) {
      name = row.name + " (" + std::to_string(n) + ")";
    }
  }

  {
    XmlWriter xml([&](std::string_view part) { suite.pending.append(part); }, 2);
    auto testcase = xml.element("testcase");
    testcase.attribute("classname", row.suite)
        .attribute("name", name)
        .attribute("time", seconds_text(row.seconds));
    if (outcome.element) {
      std::string message =
          row.message.empty() ? std::string(status_name(row.status)) : row.message;
      auto why = xml.element(outcome.element);
      why.attribute("message", message);
      if (!outcome.type.empty()) why.attribute("type", outcome.type);
      // Never an empty element: some consumers drop a <failure/> without text, and GitLab shows
      // only an element's text, never its message, as the reason a test was skipped.
      bool skipped = row.status == Status::kSkip && !row.known_failure;
      why.text(row.details.empty() || skipped ? message : row.details);
    }
    if (outcome.element && !row.printed.empty()) {
      xml.element("system-out").text(row.printed);
    }
  }
  if (suite.pending.size() >= kPendingBytes) spill_pending(suite);
}

void JunitReporter::spill_pending(Suite& suite) {
  if (suite.pending.empty()) return;
  if (!testcases_) testcases_ = std::make_unique<SpillFile>(path_);
  std::uint64_t offset = testcases_->append(suite.pending);
  if (!suite.spans.empty() && suite.spans.back().first + suite.spans.back().second == offset) {
    suite.spans.back().second += suite.pending.size();  // right after its previous test cases
  } else {
    suite.spans.emplace_back(offset, suite.pending.size());
  }
  std::string().swap(suite.pending);  // its memory too, which assigning an empty string keeps
}

void JunitReporter::write(const Summary& summary,
                          const std::function<void(std::string_view)>& sink) const {
  if (testcases_ && !testcases_->error().empty()) {
    throw ReportWriteError(testcases_->error());
  }
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const Suite& suite : suites_) {
    tests += suite.tests;
    failures += suite.failures;
    errors += suite.errors;
  }
  XmlWriter xml(sink);
  xml.declaration();
  auto root = xml.element("testsuites");
  root.attribute("name", "settle")
      .attribute("tests", std::to_string(tests))
      .attribute("failures", std::to_string(failures))
      .attribute("errors", std::to_string(errors))
      .attribute("time", seconds_text(summary.seconds));
  std::string chunk;
  for (const Suite& suite : suites_) {
    auto node = xml.element("testsuite");
    node.attribute("name", suite.name)
        .attribute("tests", std::to_string(suite.tests))
        .attribute("failures", std::to_string(suite.failures))
        .attribute("errors", std::to_string(suite.errors))
        .attribute("skipped", std::to_string(suite.skipped))
        .attribute("time", seconds_text(suite.seconds))
        .attribute("timestamp", run_.started);
    {
      auto properties = xml.element("properties");
      auto property = [&](const std::string& key, const std::string& value) {
        xml.element("property").attribute("name", key).attribute("value", value);
      };
      property("settle_version", run_.settle_version);
      for (const EngineInfo& engine : run_.engines)
        property("engine." + engine.name, engine.version);
      for (const auto& [key, value] : run_.settings.by_name()) property(key, value);
    }
    for (auto [offset, length] : suite.spans) {
      while (length > 0) {
        std::uint64_t part = std::min<std::uint64_t>(length, kChunkBytes);
        testcases_->read(offset, part, chunk);
        xml.raw_children(chunk);
        offset += part;
        length -= part;
      }
    }
    xml.raw_children(suite.pending);
  }
}

std::string JunitReporter::render(const Summary& summary) const {
  std::string text;
  write(summary, [&](std::string_view part) { text.append(part); });
  return text;
}

void JunitReporter::end(const Summary& summary) {
  AtomicFileWriter out(path_);
  write(summary, [&](std::string_view part) { out.write(part); });
  out.commit();
}

}  // namespace settle
