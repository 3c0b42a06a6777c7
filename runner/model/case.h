#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runner/model/outcome.h"
#include "runner/model/test262_run.h"
#include "runner/model/value.h"

namespace settle {

// What a case must settle to. Patterns stay JSON: the matcher is the one place that reads `$` tags.
struct Expectation {
  Outcome outcome = Outcome::kFulfilled;
  Value value;               // the value pattern (`true` for pending)
  std::optional<Value> log;  // array of patterns, when the case states a log
  // Rejection tracking (docs/design.md, "Unhandled rejections"): the reasons left unhandled at
  // the end, and/or the whole event list; each array of patterns, when the case states it.
  std::optional<Value> unhandled;
  std::optional<Value> rejections;
};

// One runnable case. Loaders produce it; nothing else builds one.
struct Case {
  std::string id;        // full id: <file relative to the case root, without extension>/<local id>
  std::string local_id;  // the id inside its file
  std::string file;      // the file as discovered, e.g. cases/finally/basics.json
  std::size_t line = 0;  // where the case starts in its file (1-based); 0 when unknown
  std::string suite;
  std::string spec;
  std::string description;
  std::string code;
  bool strict = false;
  std::vector<std::string> features;  // the file's and the case's, file's first
  std::optional<int> timeout_ms;
  std::optional<std::string> skip;  // a reason, when the case is skipped by its author
  Expectation expect;
  std::optional<Test262Run> test262;  // set for a test262 test: judged by its own rules
};

}  // namespace settle
