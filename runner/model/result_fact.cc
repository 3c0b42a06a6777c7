#include "runner/model/result_fact.h"

#include <cstring>

namespace settle {

ResultFact::ResultFact(std::string_view id, std::string_view engine, Status status,
                       bool known_failure, std::string_view message)
    : text_(new char[id.size() + engine.size() + message.size()]),
      id_size_(static_cast<std::uint32_t>(id.size())),
      engine_size_(static_cast<std::uint32_t>(engine.size())),
      message_size_(static_cast<std::uint32_t>(message.size())),
      status_(static_cast<std::uint8_t>(status)),
      known_failure_(known_failure) {
  char* at = text_.get();
  for (std::string_view part : {id, engine, message}) {
    if (!part.empty()) std::memcpy(at, part.data(), part.size());
    at += part.size();
  }
}

ResultFact ResultFact::of(const Result& result) {
  return ResultFact(result.test->id, result.engine, result.status, result.known_failure.has_value(),
                    result.status == Status::kPass ? std::string_view() : result.message);
}

}  // namespace settle
