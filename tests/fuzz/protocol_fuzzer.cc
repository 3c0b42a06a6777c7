// Fuzzes the process engines' line protocol (engines/process/protocol.h): each input line is a
// line an engine printed. parse_reply must take a line without the nonce for noise and throw
// only ProtocolError; observation_from_reply (with read_host_report, engines/host/host_report.h)
// must turn any reply into an observation or throw ProtocolError, which settle reports as the
// engine's fault. Any other exception would escape the worker.

#include <nlohmann/json.hpp>

#include "engines/process/protocol.h"
#include "fuzz_support.h"

namespace {

// A nonce as make_nonce() draws them; seeds and the dictionary use this one.
constexpr char kNonce[] = "settle-0123456789abcdef01234567";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace settle;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  while (!input.empty()) {
    std::size_t end = input.find('\n');
    std::string line(input.substr(0, end));
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    try {
      std::optional<nlohmann::json> reply = parse_reply(line, kNonce);
      if (!reply) {
        fuzz::require(line.rfind(std::string(kNonce) + " ", 0) != 0, "a nonce line is a reply");
        continue;
      }
      fuzz::require(reply->is_object() && reply->at("type").is_string(), "a reply has a type");
      Observation observation = observation_from_reply(*reply);
      const auto* fault = std::get_if<Faulted>(&observation.ending);
      fuzz::require(observation.ran() || (fault && !fault->message.empty()) ||
                        std::holds_alternative<TimedOut>(observation.ending),
                    "a result has an outcome, a fault that says what, or a timeout");
    } catch (const ProtocolError& error) {
      fuzz::require(*error.what() != '\0', "a protocol error says what is wrong");
    }
  }
  return 0;
}
