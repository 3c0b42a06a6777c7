#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engines/engine.h"

namespace settle {

// The line protocol between settle and a driver (engines/process/*_driver.js). Each request is one
// JSON line on the driver's stdin; each reply one line on its stdout, `<nonce> <JSON>`, where the
// nonce is chosen per process, so nothing a case makes the engine print can pass for a reply.
//   settle -> driver  {"type":"setup","nonce","host","preludes":[{file,code}],"aliases","probes"}
//   driver -> settle  {"type":"ready","version","features":{name: bool},"host262":[parts]}
//                     | {"type":"error","message","prelude"?}: at once, when the host prelude
//                     or a prelude (then named) does not compile, or the setup fails
//   settle -> driver  {"type":"harness","name","code"}: a test262 harness file, sent once per
//                     process before the first case that includes it; the driver keeps it
//   settle -> driver  {"type":"case","id","code","strict","watch":[names],
//                      "test262":{"harness":[names],"async"}} (test262 only for test262 tests;
//                      with "harness_code":[{name,code}] for a process per case)
//   driver -> settle  {"type":"result","parse_error","harness_error","report":{host.js report}}
//                     | {"type":"fault","message"}
// A test262 case runs in its realm: $262 (host.install262), the harness files in order, then the
// code; it ends with host.observeCompleted() rather than observe(), since it has no subject.

class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string make_nonce();

std::string setup_request(const std::string& nonce, const std::string& host_source,
                          const std::vector<Prelude>& preludes,
                          const std::vector<std::string>& aliases, const std::string& probe_script);

std::string case_request(const Job& job, bool inline_harness = false);

std::string harness_request(const HarnessFile& file);

// The reply a line carries, or nothing when the line is not a reply (engine noise). Throws
// ProtocolError when a line that starts with the nonce holds no JSON object with a type.
std::optional<nlohmann::json> parse_reply(const std::string& line, const std::string& nonce);

// Why a driver refused its setup, from an "error" reply: its message, naming the prelude that
// does not compile when the reply names one.
std::string setup_error_message(const nlohmann::json& reply);

// What a "result" or "fault" reply says about the case. Throws ProtocolError on any other reply.
Observation observation_from_reply(const nlohmann::json& reply);

}  // namespace settle
