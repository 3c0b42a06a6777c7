#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "runner/model/result.h"

namespace settle {

// What a run keeps of a result once the reporters have it: what the gate, the baseline diff and
// --update-expectations need, never the observation or the case, so that a run's memory does not
// grow with what its cases observed, and its cases can go once their results are handed over.
// A run may keep one per result, so it is small: its texts share one allocation.
class ResultFact {
 public:
  ResultFact(std::string_view id, std::string_view engine, Status status, bool known_failure,
             std::string_view message);
  static ResultFact of(const Result& result);

  std::string_view id() const { return {text_.get(), id_size_}; }  // the case's full id
  std::string_view engine() const { return {text_.get() + id_size_, engine_size_}; }
  Status status() const { return static_cast<Status>(status_); }
  bool known_failure() const { return known_failure_; }  // the expectations list this failure
  // Why it failed, errored or was skipped; empty for a pass.
  std::string_view message() const {
    return {text_.get() + id_size_ + engine_size_, message_size_};
  }

 private:
  std::unique_ptr<char[]> text_;  // the id, the engine and the message, one after another
  std::uint32_t id_size_ = 0;
  std::uint32_t engine_size_ = 0;
  std::uint32_t message_size_ = 0;
  std::uint8_t status_ = 0;
  bool known_failure_ = false;
};

inline std::vector<ResultFact> facts_of(const std::vector<Result>& results) {
  std::vector<ResultFact> facts;
  facts.reserve(results.size());
  for (const Result& result : results) facts.push_back(ResultFact::of(result));
  return facts;
}

}  // namespace settle
