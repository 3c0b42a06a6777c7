#include "engines/process/protocol.h"

#include <random>

#include "engines/host/host_report.h"
#include "runner/input/json_source.h"

namespace settle {

using nlohmann::json;

std::string make_nonce() {
  std::random_device random;
  static const char kHex[] = "0123456789abcdef";
  std::string nonce = "settle-";
  for (int i = 0; i < 24; ++i) nonce += kHex[random() % 16];
  return nonce;
}

// Requests are written as ASCII JSON (non-ASCII characters as \u escapes): some shells read
// stdin as Latin-1, and JSON.parse restores every character whatever the shell's encoding.
std::string setup_request(const std::string& nonce, const std::string& host_source,
                          const std::vector<Prelude>& preludes,
                          const std::vector<std::string>& aliases, const std::string& probe_script,
                          const json& engine) {
  json request = {{"type", "setup"},    {"nonce", nonce},         {"host", host_source},
                  {"aliases", aliases}, {"probes", probe_script}, {"preludes", json::array()}};
  if (!engine.is_null()) request["engine"] = engine;
  for (const Prelude& prelude : preludes) {
    request["preludes"].push_back({{"file", prelude.file}, {"code", prelude.code}});
  }
  return request.dump(-1, ' ', true, json::error_handler_t::replace) + "\n";
}

std::string case_request(const Job& job, bool inline_harness) {
  json request = {{"type", "case"},
                  {"id", job.test->id},
                  {"code", job.test->code},
                  {"strict", job.test->strict},
                  {"timeout_ms", job.timeout.count()},
                  {"watch", job.watched_globals}};
  if (const auto& test262 = job.test->test262) {
    json harness = json::array();
    json harness_code = json::array();
    for (const auto& file : test262->harness) {
      harness.push_back(file->name);
      if (inline_harness) harness_code.push_back({{"name", file->name}, {"code", file->code}});
    }
    request["test262"] = {{"harness", harness},
                          {"async", test262->flags.async},
                          {"module", test262->flags.module},
                          {"path", test262->path}};
    if (test262->folder) request["test262"]["folder"] = test262->folder->path;
    if (inline_harness) request["test262"]["harness_code"] = harness_code;
  }
  return request.dump(-1, ' ', true, json::error_handler_t::replace) + "\n";
}

std::string harness_request(const HarnessFile& file) {
  json request = {{"type", "harness"}, {"name", file.name}, {"code", file.code}};
  return request.dump(-1, ' ', true, json::error_handler_t::replace) + "\n";
}

std::string module_folder_request(const ModuleFolder& folder) {
  json files = json::array();
  for (const HarnessFile& file : folder.files) {
    files.push_back({{"name", file.name}, {"code", file.code}});
  }
  json request = {{"type", "module_folder"}, {"folder", folder.path}, {"files", files}};
  return request.dump(-1, ' ', true, json::error_handler_t::replace) + "\n";
}

std::optional<json> parse_reply(const std::string& line, const std::string& nonce) {
  if (line.size() <= nonce.size() || line.compare(0, nonce.size(), nonce) != 0 ||
      line[nonce.size()] != ' ') {
    return std::nullopt;
  }
  if (json_nesting_too_deep(std::string_view(line).substr(nonce.size() + 1))) {
    throw ProtocolError("the engine sent a reply nested deeper than " +
                        std::to_string(kMaxJsonDepth) + " levels");
  }
  json reply;
  try {
    // Strictly: a repeated key, or a second value after the first, is how a case that breaks the
    // host's encoder would forge its result, so either breaks the protocol.
    reply = JsonSource::parse_value(line.substr(nonce.size() + 1));
  } catch (const JsonSyntaxError& error) {
    throw ProtocolError("the engine sent a reply that is not one JSON value, at column " +
                        std::to_string(error.where().column) + ": " + error.what());
  } catch (const json::exception& error) {  // a number out of range
    throw ProtocolError(std::string("the engine sent a reply that is not JSON: ") + error.what());
  }
  if (!reply.is_object() || !reply.contains("type") || !reply["type"].is_string()) {
    throw ProtocolError("the engine sent a reply without a type");
  }
  return reply;
}

bool reply_asks_to_recycle(const json& reply) {
  auto recycle = reply.find("recycle");
  return recycle != reply.end() && recycle->is_boolean() && recycle->get<bool>();
}

Observation observation_from_reply(const json& reply) {
  Observation observation;
  const std::string type = reply["type"];
  if (type == "fault") {
    auto message = reply.find("message");
    observation.ending =
        Faulted{message != reply.end() && message->is_string() ? message->get<std::string>()
                                                               : "the engine reported a fault"};
    return observation;
  }
  if (type == "observation") {
    try {
      return observation_from_json(reply.at("observation"));
    } catch (const std::exception& error) {
      throw ProtocolError(std::string("the engine's observation is unreadable: ") + error.what());
    }
  }
  if (type != "result" || !reply.contains("report")) {
    throw ProtocolError("the engine sent a \"" + type + "\" reply where a result was due");
  }
  bool outcome = false;
  bool timed_out = false;
  try {
    outcome = read_host_report(reply["report"], observation);
    // value() throws when a field is there with another type than the protocol gives it.
    bool parse_error = reply.value("parse_error", false);
    bool resolution_error = reply.value("resolution_error", false);
    std::string harness_error = reply.value("harness_error", std::string());
    timed_out = reply.value("timed_out", false);
    if (!harness_error.empty()) observation.harness_error = std::move(harness_error);
    if (parse_error || resolution_error) {
      auto* threw = std::get_if<Threw>(&observation.ending);
      if (!threw || !outcome)
        throw std::runtime_error("a parse or resolution error without a throw");
      threw->phase = parse_error ? Test262Phase::kParse : Test262Phase::kResolution;
    }
  } catch (const std::exception& error) {
    throw ProtocolError(std::string("the engine's report is unreadable: ") + error.what());
  }
  // A page that ended the case at its timeout keeps what it logged.
  if (timed_out) observation.ending = TimedOut{};
  return observation;
}

}  // namespace settle
