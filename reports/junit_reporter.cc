#include "reports/junit_reporter.h"

#include <cstdio>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "reports/atomic_file.h"
#include "reports/xml_text.h"

namespace settle {
namespace {

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds);  // the C locale: always a '.' decimal point
  return text;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// The case file's name in reports: its id prefix (finally/basics).
std::string file_key(const Case& test) {
  return test.id.substr(0, test.id.size() - test.local_id.size() - 1);
}

void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_safe_text(value).c_str());
}

struct SuiteCounts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  double seconds = 0;
};

}  // namespace

void JunitReporter::begin(const RunInfo& run) {
  run_ = run;
  for (const LoadError& error : run.load_errors) {
    rows_.push_back({"settle.load-errors", error.file, "error", first_line(error.to_string()),
                     error.to_string(), "", 0});
  }
}

void JunitReporter::add(const Result& result) {
  const Case& test = *result.test;
  std::string details = result.message;
  if (!test.description.empty()) details = test.description + "\n" + details;
  std::string status(status_name(result.status));
  std::string message = first_line(result.message);
  if (result.known_failure) {
    // As pytest writes an xfail: skipped, so that a known failure does not fail the build.
    status = "known";
    message = "known failure (" + std::string(status_name(result.status)) + ")" +
              (result.known_failure->empty() ? "" : ": " + *result.known_failure);
  }
  rows_.push_back({result.engine + "." + file_key(test), test.local_id, status, message, details,
                   result.observed.printed, result.duration_ms / 1000});
}

std::string JunitReporter::render(const Summary& summary) const {
  pugi::xml_document document;
  pugi::xml_node root = document.append_child("testsuites");

  std::map<std::string, SuiteCounts> counts;
  std::vector<std::string> order;
  for (const Row& row : rows_) {
    auto [it, added] = counts.try_emplace(row.suite);
    if (added) order.push_back(row.suite);
    SuiteCounts& suite = it->second;
    ++suite.tests;
    suite.failures += row.status == "fail";
    suite.errors += row.status == "timeout" || row.status == "error";
    suite.skipped += row.status == "skip" || row.status == "known";
    suite.seconds += row.seconds;
  }
  SuiteCounts total;
  for (const auto& [name, suite] : counts) {
    total.tests += suite.tests;
    total.failures += suite.failures;
    total.errors += suite.errors;
    total.seconds += suite.seconds;
  }
  set(root, "name", "settle");
  set(root, "tests", std::to_string(total.tests));
  set(root, "failures", std::to_string(total.failures));
  set(root, "errors", std::to_string(total.errors));
  set(root, "time", seconds_text(summary.seconds));

  std::map<std::string, pugi::xml_node> suites;
  for (const std::string& name : order) {
    const SuiteCounts& suite = counts[name];
    pugi::xml_node node = root.append_child("testsuite");
    set(node, "name", name);
    set(node, "tests", std::to_string(suite.tests));
    set(node, "failures", std::to_string(suite.failures));
    set(node, "errors", std::to_string(suite.errors));
    set(node, "skipped", std::to_string(suite.skipped));
    set(node, "time", seconds_text(suite.seconds));
    set(node, "timestamp", run_.started);
    pugi::xml_node properties = node.append_child("properties");
    auto property = [&](const std::string& key, const std::string& value) {
      pugi::xml_node item = properties.append_child("property");
      set(item, "name", key);
      set(item, "value", value);
    };
    property("settle_version", run_.settle_version);
    for (const EngineInfo& engine : run_.engines) property("engine." + engine.name, engine.version);
    for (const auto& [key, value] : run_.settings) property(key, value);
    suites[name] = node;
  }

  // Consumers key test cases by classname and name: keep each pair unique, even when two case
  // files map to one name (cases/a.json beside a test262 a.js) or a file has two load errors.
  std::set<std::pair<std::string, std::string>> names;
  for (const Row& row : rows_) {
    pugi::xml_node testcase = suites[row.suite].append_child("testcase");
    std::string name = row.name.empty() ? "(unnamed)" : row.name;
    for (int n = 2; !names.emplace(row.suite, name).second; ++n) {
      name = row.name + " (" + std::to_string(n) + ")";
    }
    set(testcase, "classname", row.suite);
    set(testcase, "name", name);
    set(testcase, "time", seconds_text(row.seconds));
    if (row.status == "pass") continue;
    const char* element = row.status == "fail"                            ? "failure"
                          : row.status == "skip" || row.status == "known" ? "skipped"
                                                                          : "error";
    pugi::xml_node outcome = testcase.append_child(element);
    std::string message = row.message.empty() ? row.status : row.message;
    set(outcome, "message", message);
    if (row.status != "skip") {
      set(outcome, "type", row.status == "known" ? "known-failure" : row.status);
      // Never an empty element: some consumers drop a <failure/> without text.
      std::string details = row.details.empty() ? message : row.details;
      outcome.append_child(pugi::node_pcdata).set_value(xml_safe_text(details).c_str());
    }
    if (!row.printed.empty()) {
      testcase.append_child("system-out")
          .append_child(pugi::node_pcdata)
          .set_value(xml_safe_text(row.printed).c_str());
    }
  }

  std::ostringstream out;
  document.save(out, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
  // pugixml leaves '>' unescaped in attribute values, which is valid XML, but some consumers
  // choke on a literal "]]>" outside CDATA: write its '>' as a reference (the document has no
  // CDATA section, comment or processing instruction where that would change the meaning).
  std::string text = out.str();
  for (std::size_t at = text.find("]]>"); at != std::string::npos; at = text.find("]]>", at)) {
    text.replace(at + 2, 1, "&gt;");
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text;
}

void JunitReporter::end(const Summary& summary) { write_file_atomically(path_, render(summary)); }

}  // namespace settle
