#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "runner/model/engine.h"
#include "runner/model/observation_json.h"  // the "observation" reply's payload

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
//                      "test262":{"harness":[names],"async","module","path","folder"}}
//                      (test262 only for test262 tests; with "harness_code":[{name,code}] for a
//                      process per case; "folder" names the module_folder that module code and
//                      import() resolve in, "path" the test's own file in it)
//   driver -> settle  {"type":"result","parse_error","resolution_error","harness_error",
//                      "report":{host.js report}}
//                     | {"type":"result","timed_out":true,"report"}: from a driver that
//                       enforces the timeout, what the case logged before it ran out of time
//                     | {"type":"fault","message"}
//                     either with "recycle": true when the case asked for a callback that the
//                     engine may run after it has ended: settle then ends the process
//                     | {"type":"observation","observation":{...}}: the whole Observation, from
//                       settle's own Duktape worker (engines/duktape/duktape_worker.h)
// A setup error that is the user's prelude's fault names it: {"type":"error","prelude","message"}.
// A ready reply with "modules": true says the driver runs test262's module code.
// A ready reply with "enforces_timeout": true says the driver ends a case at its timeout itself
// (keeping what it logged); settle then waits a little longer before it kills the process.
// A test262 case runs in its realm: $262 (host.install262), the harness files in order, then the
// code; it ends with host.observeCompleted() rather than observe(), since it has no subject.

class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string make_nonce();

// `engine` carries what one adapter alone needs (the Duktape worker's settings); null for none.
std::string setup_request(const std::string& nonce, const std::string& host_source,
                          const std::vector<Prelude>& preludes,
                          const std::vector<std::string>& aliases, const std::string& probe_script,
                          const nlohmann::json& engine = nullptr);

std::string case_request(const Job& job, bool inline_harness = false);

std::string harness_request(const HarnessFile& file);

// {"type":"module_folder","folder","files":[{name,code}]}: the files a test262 test's module code
// and import() may load, sent once per process before the first case from that folder.
std::string module_folder_request(const ModuleFolder& folder);

// The reply a line carries, or nothing when the line is not a reply (engine noise). Throws
// ProtocolError when a line that starts with the nonce holds no JSON object with a type.
std::optional<nlohmann::json> parse_reply(const std::string& line, const std::string& nonce);

// Whether a reply says that its process must end with the case: "recycle": true.
bool reply_asks_to_recycle(const nlohmann::json& reply);

// What a "result", "observation" or "fault" reply says about the case. Throws ProtocolError on any
// other reply.
Observation observation_from_reply(const nlohmann::json& reply);

}  // namespace settle
