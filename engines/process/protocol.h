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
//   driver -> settle  {"type":"ready","version","features":{name: bool}} |
//   {"type":"error","message"} settle -> driver
//   {"type":"case","id","code","strict","watch":[names]} driver -> settle
//   {"type":"result","parse_error","report":{host.js report}} | {"type":"fault","message"}

class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string make_nonce();

std::string setup_request(const std::string& nonce, const std::string& host_source,
                          const std::vector<Prelude>& preludes,
                          const std::vector<std::string>& aliases, const std::string& probe_script);

std::string case_request(const Job& job);

// The reply a line carries, or nothing when the line is not a reply (engine noise). Throws
// ProtocolError when a line that starts with the nonce holds no JSON object with a type.
std::optional<nlohmann::json> parse_reply(const std::string& line, const std::string& nonce);

// What a "result" or "fault" reply says about the case. Throws ProtocolError on any other reply.
Observation observation_from_reply(const nlohmann::json& reply);

}  // namespace settle
