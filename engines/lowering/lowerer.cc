#include "engines/lowering/lowerer.h"

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engines/process/child_process.h"
#include "runner/input/text_file.h"

namespace settle {
namespace embedded {
extern const char* const kLoweringServiceJs;
}  // namespace embedded

namespace {

using nlohmann::json;

const std::chrono::seconds kStartTimeout{60};
// Babel lowers a test262 file in milliseconds; a text it takes this long on is a service gone
// wrong, not a slow file.
const std::chrono::seconds kReplyTimeout{120};
constexpr std::size_t kMaxReplyBytes = 64u << 20;

std::string joined(const json& names) {
  std::string text;
  for (const json& name : names) text += (text.empty() ? "" : ", ") + name.get<std::string>();
  return text;
}

}  // namespace

std::optional<LowerLevel> lower_level_from_name(const std::string& name) {
  if (name == "none") return LowerLevel::kNone;
  if (name == "es5") return LowerLevel::kEs5;
  return std::nullopt;
}

const char* lower_level_name(LowerLevel level) {
  return level == LowerLevel::kEs5 ? "es5" : "none";
}

const std::vector<std::string>& lowering_npm_packages() {
  static const std::vector<std::string> packages = {
      "@babel/core",
      "@babel/plugin-transform-arrow-functions",
      "@babel/plugin-transform-block-scoping",
      "@babel/plugin-transform-classes",
      "@babel/plugin-transform-computed-properties",
      "@babel/plugin-transform-destructuring",
      "@babel/plugin-transform-for-of",
      "@babel/plugin-transform-parameters",
      "@babel/plugin-transform-shorthand-properties",
      "@babel/plugin-transform-spread",
      "@babel/plugin-transform-template-literals",
  };
  return packages;
}

const std::vector<std::string>& lowered_features() {
  static const std::vector<std::string> features = {
      "arrow-function",
      "class",
      "computed-property-names",
      "const",
      "let",
      "default-parameters",
      "destructuring-assignment",
      "destructuring-binding",
      "rest-parameters",
      "template",
  };
  return features;
}

Lowerer::Lowerer(std::filesystem::path node_modules, std::filesystem::path cache_folder)
    : node_modules_(std::move(node_modules)), cache_folder_(std::move(cache_folder)) {
  for (const std::string& package : lowering_npm_packages()) {
    if (!std::filesystem::exists(node_modules_ / package / "package.json")) {
      throw LoweringError("lowering needs Babel, and " + (node_modules_ / package).string() +
                          " is missing: settle engines --install " + kLoweringInstallName);
    }
  }
  auto manifest = read_text_file((node_modules_ / "@babel/core/package.json").string());
  json parsed = json::parse(manifest.value_or("{}"), nullptr, /*allow_exceptions=*/false);
  transpiler_ = "babel " + (parsed.is_object() && parsed.contains("version")
                                ? parsed["version"].get<std::string>()
                                : std::string("(unknown version)"));
  // Started here, on the thread that starts the engines and outlives the workers: a child
  // process dies with the thread that started it (PR_SET_PDEATHSIG).
  start();
}

Lowerer::~Lowerer() = default;

void Lowerer::start() {
  try {
    service_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"node", "-e", embedded::kLoweringServiceJs, node_modules_.string(),
                                 cache_folder_.string()},
        ResourceLimits{});
  } catch (const std::exception& error) {
    failure_ = std::string("the lowering service (node) did not start: ") + error.what();
    throw LoweringError(failure_);
  }
  std::string line;
  auto read = service_->read_line(&line, std::chrono::steady_clock::now() + kStartTimeout, 4096);
  json ready = read == ChildProcess::Read::kLine
                   ? json::parse(line, nullptr, /*allow_exceptions=*/false)
                   : json();
  if (!ready.is_object() || !ready.value("ready", false)) {
    failure_ = "the lowering service did not start: " + service_->exit_description() + ": " +
               service_->stderr_tail();
    service_.reset();
    throw LoweringError(failure_);
  }
}

LoweredText Lowerer::lower(const std::string& code) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!failure_.empty()) throw LoweringError(failure_);
  if (!service_) start();
  auto gone = [&](const std::string& what) {
    failure_ = "the lowering service " + what + " (" + service_->exit_description() +
               "): " + service_->stderr_tail();
    service_.reset();
    return LoweringError(failure_);
  };
  if (!service_->write_all(json{{"code", code}}.dump() + "\n")) throw gone("ended");
  std::string line;
  switch (service_->read_line(&line, std::chrono::steady_clock::now() + kReplyTimeout,
                              kMaxReplyBytes)) {
    case ChildProcess::Read::kLine:
      break;
    case ChildProcess::Read::kTimeout:
      service_->kill();
      throw gone("did not answer");
    case ChildProcess::Read::kInterrupted:
      throw LoweringError("the run was interrupted");
    default:
      throw gone("ended");
  }
  json reply = json::parse(line, nullptr, /*allow_exceptions=*/false);
  LoweredText lowered;
  if (reply.is_object() && reply.contains("error") && reply["error"].is_string()) {
    lowered.error = reply["error"].get<std::string>();
    return lowered;
  }
  if (!reply.is_object() || !reply.contains("code") || !reply["code"].is_string() ||
      !reply.contains("promise_helpers") || !reply["promise_helpers"].is_array()) {
    throw gone("broke its protocol");
  }
  if (reply.value("from", "") == "transform") {
    ++transformed_;
  } else {
    ++from_cache_;
  }
  if (!reply["promise_helpers"].empty()) {
    lowered.refused = joined(reply["promise_helpers"]);
    return lowered;
  }
  lowered.code = reply["code"].get<std::string>();
  if (reply.contains("unlowered") && reply["unlowered"].is_array()) {
    for (const json& feature : reply["unlowered"]) {
      if (feature.is_string()) lowered.unlowered.push_back(feature.get<std::string>());
    }
  }
  return lowered;
}

LoweringCounts Lowerer::counts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return LoweringCounts{transpiler_, transformed_, from_cache_};
}

}  // namespace settle
