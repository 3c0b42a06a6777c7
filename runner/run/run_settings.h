#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runner/run/shard.h"

namespace settle {

// A run's settings as its reports record them (the JSON report's "settings", the JUnit report's
// properties). Each is absent when the run, or the report read back, has none; a list may be
// present and empty (a run with no filters). by_name() and set() are the one place that knows
// the text a report holds for each: lists joined with commas, numbers in decimal, flags "true".
struct RunSettings {
  std::optional<std::vector<std::string>> engines;   // names
  std::optional<std::vector<std::string>> paths;     // case files and folders
  std::optional<std::vector<std::string>> filters;   // --filter globs
  std::optional<std::vector<std::string>> preludes;  // --prelude files
  std::optional<int> timeout_ms;                     // per case
  std::optional<unsigned> jobs;                      // workers
  std::optional<Shard> shard;
  std::optional<std::string> expectations;  // the file
  bool strict_expectations = false;
  bool strict_rejections = false;
  std::optional<std::size_t> maxfail;   // the run stops after this many failures
  std::optional<std::string> baseline;  // the file
  // The engines whose test262 code is lowered, and to what: {"duktape", "es5"}.
  std::vector<std::pair<std::string, std::string>> lower;
  // Settings of a report that a later settle wrote, or whose text this one does not read as its
  // type, kept as they are (settle merge).
  std::map<std::string, std::string> others;

  // Every setting present, by name, as the reports write them: in name order.
  std::map<std::string, std::string> by_name() const;
  // Sets the setting of that name from a report's text: a member above, or one of `others`.
  void set(const std::string& name, std::string value);

 private:
  // Sets a member above from its text; false when `name` is none of them or the text is not of
  // its type.
  bool set_typed(const std::string& name, const std::string& value);
};

}  // namespace settle
