#include "reports/junit_reporter.h"

#include <cstdio>
#include <pugixml.hpp>
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

// Prints `node` as it stands at `depth` in the document (two spaces an indent level), with "]]>"
// written "]]&gt;": pugixml leaves '>' unescaped in attribute values, which is valid XML, but some
// consumers choke on a literal "]]>" outside CDATA (the document has no CDATA section, comment or
// processing instruction where that would change the meaning).
std::string printed(pugi::xml_node node, unsigned depth) {
  std::ostringstream out;
  node.print(out, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8,
             depth);
  std::string text = out.str();
  for (std::size_t at = text.find("]]>"); at != std::string::npos; at = text.find("]]>", at)) {
    text.replace(at + 2, 1, "&gt;");
  }
  return text;
}

// A node printed with a placeholder as its last child, cut around the placeholder: the text
// before its children's place and the text after.
std::pair<std::string, std::string> around_children(pugi::xml_node node, unsigned depth) {
  pugi::xml_node placeholder = node.append_child("settle-children-go-here");
  std::string slot = printed(placeholder, depth + 1);
  std::string text = printed(node, depth);
  std::size_t at = text.rfind(slot);
  return {text.substr(0, at), text.substr(at + slot.size())};
}

}  // namespace

void JunitReporter::begin(const RunInfo& run) {
  run_ = run;
  for (const LoadError& error : run.load_errors) {
    add_row({"settle.load-errors", error.file, "error", first_line(error.to_string()),
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
  add_row({result.engine + "." + file_key(test), test.local_id, status, message, details,
           result.observed.printed, result.duration_ms / 1000});
}

void JunitReporter::add_row(const Row& row) {
  auto [found, added] = suite_index_.try_emplace(row.suite, suites_.size());
  if (added) {
    suites_.emplace_back();
    suites_.back().name = row.suite;
  }
  Suite& suite = suites_[found->second];
  ++suite.tests;
  suite.failures += row.status == "fail";
  suite.errors += row.status == "timeout" || row.status == "error";
  suite.skipped += row.status == "skip" || row.status == "known";
  suite.seconds += row.seconds;

  // Consumers key test cases by classname and name: keep each pair unique, even when two case
  // files map to one name (cases/a.json beside a test262 a.js) or a file has two load errors.
  std::string name = row.name.empty() ? "(unnamed)" : row.name;
  for (int n = 2; !suite.names.insert(std::hash<std::string>()(name)).second; ++n) {
    name = row.name + " (" + std::to_string(n) + ")";
  }

  pugi::xml_document document;
  pugi::xml_node testcase = document.append_child("testcase");
  set(testcase, "classname", row.suite);
  set(testcase, "name", name);
  set(testcase, "time", seconds_text(row.seconds));
  if (row.status != "pass") {
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
  if (!testcases_) testcases_ = std::make_unique<SpillFile>(path_);
  std::string text = printed(testcase, 2);
  std::uint64_t offset = testcases_->append(text);
  if (!suite.spans.empty() && suite.spans.back().first + suite.spans.back().second == offset) {
    suite.spans.back().second += text.size();  // right after its previous test case
  } else {
    suite.spans.emplace_back(offset, text.size());
  }
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
  pugi::xml_document document;
  pugi::xml_node root = document.append_child("testsuites");
  set(root, "name", "settle");
  set(root, "tests", std::to_string(tests));
  set(root, "failures", std::to_string(failures));
  set(root, "errors", std::to_string(errors));
  set(root, "time", seconds_text(summary.seconds));
  sink("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  if (suites_.empty()) {
    sink(printed(root, 0));
    return;
  }
  auto [root_head, root_tail] = around_children(root, 0);
  sink(root_head);
  std::string chunk;
  for (const Suite& suite : suites_) {
    pugi::xml_document suite_document;
    pugi::xml_node node = suite_document.append_child("testsuite");
    set(node, "name", suite.name);
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
    auto [head, tail] = around_children(node, 1);
    sink(head);
    for (const auto& [offset, length] : suite.spans) {
      testcases_->read(offset, length, chunk);
      sink(chunk);
    }
    sink(tail);
  }
  sink(root_tail);
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
