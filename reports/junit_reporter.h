#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "reports/atomic_file.h"
#include "reports/reporter.h"

namespace settle {

// JUnit XML as Jenkins, GitLab and GitHub read it: one <testsuite> per engine and case file,
// <testcase classname="ENGINE.FILE" name="ID">, with <failure>, <error> or <skipped>.
// Each <testcase> is written to a temporary file as its result comes, a suite's latest few
// together; the reporter keeps only each suite's counts and where its test cases lie, so a run's
// memory does not grow with its results.
class JunitReporter : public Reporter {
 public:
  explicit JunitReporter(std::string path) : path_(std::move(path)) {}
  void begin(const RunInfo& run) override;
  void add(const Result& result) override;
  void end(const Summary& summary) override;

  // The document as text; end() writes it.
  std::string render(const Summary& summary) const;

 private:
  struct Row {
    std::string engine;  // empty for a load error
    std::string suite;   // ENGINE.FILE
    std::string name;
    Status status = Status::kPass;
    bool known_failure = false;  // listed in the expectations: written as skipped
    std::string message;         // one line
    std::string details;         // full text
    std::string printed;
    double seconds = 0;
  };
  struct Suite {
    std::string name;
    std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
    double seconds = 0;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;  // its <testcase>s in the spill
    std::string pending;  // and those after them, not yet there
    // To keep test case names unique (see add_row): the load errors' names, hashed; the last
    // result's name, and how many times in a row it came.
    std::unordered_set<std::size_t> names;
    std::string last_name;
    std::size_t last_name_repeats = 0;
  };

  // `in_id_order`: a result's row; the rows of a suite then come in id order.
  void add_row(const Row& row, bool in_id_order);
  void spill_pending(Suite& suite);
  // Writes the document to `sink` a part at a time.
  void write(const Summary& summary, const std::function<void(std::string_view)>& sink) const;

  std::string path_;
  RunInfo run_;
  std::unique_ptr<SpillFile> testcases_;
  std::vector<Suite> suites_;  // in the order of their first test case
  std::unordered_map<std::string, std::size_t> suite_index_;
  std::unordered_map<std::string, std::size_t> latest_suite_;  // by engine
};

}  // namespace settle
