#include "engines/duktape/duktape_worker.h"

#include <unistd.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "engines/duktape/duktape_engine.h"
#include "engines/process/process_engine.h"
#include "engines/process/protocol.h"

namespace settle {

using nlohmann::json;

namespace {

// Bounds the worker process beyond Duktape's own cap on each case's heap. AddressSanitizer
// reserves terabytes of shadow memory up front, which no data limit allows: a sanitized build
// keeps Duktape's cap alone.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kWorkerDataLimitMb = 0;
#else
constexpr std::size_t kWorkerDataLimitMb = 2048;
#endif

std::string self_executable() {
  std::string path(4096, '\0');
  ssize_t length = readlink("/proc/self/exe", path.data(), path.size());
  if (length <= 0) throw std::runtime_error("cannot find settle's own executable");
  path.resize(static_cast<std::size_t>(length));
  return path;
}

DuktapeSetup setup_from_request(const json& request) {
  DuktapeSetup setup;
  const json& engine = request.at("engine");
  setup.name = engine.at("name").get<std::string>();
  setup.own_promise = engine.at("own_promise").get<bool>();
  if (engine.contains("promise")) {
    setup.promise = {engine["promise"].at("file").get<std::string>(),
                     engine["promise"].at("code").get<std::string>()};
  }
  setup.memory_limit_bytes = engine.at("memory_limit_bytes").get<std::size_t>();
  setup.aliases = request.value("aliases", std::vector<std::string>());
  setup.probe_script = request.at("probes").get<std::string>();
  for (const json& prelude : request.value("preludes", json::array())) {
    setup.preludes.push_back(
        {prelude.at("file").get<std::string>(), prelude.at("code").get<std::string>()});
  }
  return setup;
}

// One worker: its factory and engine once set up, and the harness files it was sent.
class Worker {
 public:
  explicit Worker(std::ostream& out) : out_(out) {}

  void handle(const std::string& line) {
    json request;
    try {
      request = json::parse(line);
      const std::string type = request.at("type").get<std::string>();
      if (type == "setup") return setup(request);
      if (type == "harness") return keep_harness(request);
      if (type == "case") return run_case(request);
      reply({{"type", "fault"}, {"message", "the worker got a request of type " + type}});
    } catch (const std::exception& error) {
      reply({{"type", "fault"}, {"message", std::string("the worker failed: ") + error.what()}});
    }
  }

 private:
  void reply(const json& message) {
    out_ << nonce_ << ' ' << message.dump(-1, ' ', true, json::error_handler_t::replace) << '\n'
         << std::flush;
  }

  void setup(const json& request) {
    nonce_ = request.at("nonce").get<std::string>();
    try {
      factory_ = std::make_unique<DuktapeEngineFactory>(setup_from_request(request));
    } catch (const PreludeError& error) {
      reply({{"type", "error"}, {"prelude", error.file()}, {"message", error.message()}});
      return;
    } catch (const std::exception& error) {
      reply({{"type", "error"}, {"message", error.what()}});
      return;
    }
    engine_ = factory_->create();
    const EngineInfo& info = factory_->info();
    reply({{"type", "ready"},
           {"version", info.version},
           {"features", info.features},
           {"host262", info.host_262},
           {"enforces_timeout", true}});
  }

  void keep_harness(const json& request) {
    auto file = std::make_shared<HarnessFile>();
    file->name = request.at("name").get<std::string>();
    file->code = request.at("code").get<std::string>();
    harness_[file->name] = std::move(file);
  }

  void run_case(const json& request) {
    if (!engine_) {
      reply({{"type", "fault"}, {"message", "the worker was sent a case before its setup"}});
      return;
    }
    Case test;
    test.id = request.at("id").get<std::string>();
    test.code = request.at("code").get<std::string>();
    test.strict = request.value("strict", false);
    if (request.contains("test262")) {
      const json& test262 = request.at("test262");
      test.test262.emplace();
      test.test262->flags.async = test262.value("async", false);
      for (const json& name : test262.at("harness")) {
        auto found = harness_.find(name.get<std::string>());
        if (found == harness_.end()) {
          reply({{"type", "fault"},
                 {"message", "settle did not send the harness file " + name.get<std::string>()}});
          return;
        }
        test.test262->harness.push_back(found->second);
      }
    }
    Job job;
    job.test = &test;
    job.timeout = std::chrono::milliseconds(request.at("timeout_ms").get<long>());
    job.watched_globals = request.value("watch", std::vector<std::string>());
    reply({{"type", "observation"}, {"observation", observation_to_json(engine_->run(job))}});
  }

  std::ostream& out_;
  std::string nonce_;
  std::unique_ptr<DuktapeEngineFactory> factory_;
  std::unique_ptr<Engine> engine_;
  std::map<std::string, std::shared_ptr<const HarnessFile>> harness_;
};

}  // namespace

int run_duktape_worker(std::istream& in, std::ostream& out) {
  std::ios::sync_with_stdio(false);
  Worker worker(out);
  std::string line;
  while (std::getline(in, line)) worker.handle(line);
  return 0;
}

std::unique_ptr<EngineFactory> make_duktape_worker_factory(const EngineProfile& profile,
                                                           const EngineOptions& options) {
  DuktapeSetup setup = duktape_setup(profile, options);
  ProcessLaunch launch;
  launch.adapter = AdapterKind::kDuktape;
  launch.command = {self_executable(), kDuktapeWorkerArgument};
  launch.preludes = std::move(setup.preludes);
  launch.probe_script = std::move(setup.probe_script);
  launch.settings = {{"name", profile.name},
                     {"own_promise", setup.own_promise},
                     {"memory_limit_bytes", setup.memory_limit_bytes}};
  if (!setup.promise.file.empty()) {
    launch.settings["promise"] = {{"file", setup.promise.file}, {"code", setup.promise.code}};
  }
  launch.limits.data_mb = kWorkerDataLimitMb;
  return std::make_unique<ProcessEngineFactory>(profile, std::move(launch));
}

}  // namespace settle
