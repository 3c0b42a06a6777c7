#pragma once

#include <string>
#include <string_view>

#include "runner/model/result.h"

namespace settle {

// A result read back from the run's result store, with the parts of its case that reports show;
// `result.test` points at `test`, so a StoredResult is neither copied nor moved.
struct StoredResult {
  StoredResult() { result.test = &test; }
  StoredResult(const StoredResult&) = delete;
  StoredResult& operator=(const StoredResult&) = delete;

  Case test;
  Result result;
};

// One result as a record of the result store (CBOR): everything of the result, and of its case the
// id, local id, file, line, description and expectation, byte for byte (text that is not UTF-8
// too); not its code, features or test262 parts, which no report that reads the store shows.
std::string encode_result(const Result& result);

// Reads a record of encode_result() into `out`. Throws ReportWriteError when it is no record.
void decode_result(std::string_view record, StoredResult& out);

}  // namespace settle
