#pragma once

#include <map>
#include <optional>
#include <string>

namespace settle {

// A run's settings as its reports record them (the JSON report's "settings", the JUnit report's
// properties): each the text a report holds, or absent when the run, or the report read back,
// has none.
struct RunSettings {
  std::optional<std::string> engines;              // names, comma-separated
  std::optional<std::string> paths;                // likewise
  std::optional<std::string> filters;              // likewise
  std::optional<std::string> preludes;             // likewise
  std::optional<std::string> timeout_ms;           // per case
  std::optional<std::string> jobs;                 // workers
  std::optional<std::string> shard;                // I/N
  std::optional<std::string> expectations;         // the file
  std::optional<std::string> strict_expectations;  // "true"
  std::optional<std::string> baseline;             // the file
  std::optional<std::string> lower;  // engines whose test262 code is lowered: duktape=es5,...
  // Settings of a report that a later settle wrote, kept as they are (settle merge).
  std::map<std::string, std::string> others;

  // Every setting present, by name, as the reports write them: in name order.
  std::map<std::string, std::string> by_name() const;
  // Sets the setting of that name: a member above, or one of `others`.
  void set(const std::string& name, std::string value);
};

}  // namespace settle
