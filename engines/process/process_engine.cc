#include "engines/process/process_engine.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engines/feature_probes.h"
#include "engines/process/driver_source.h"
#include "engines/process/protocol.h"
#include "runner/model/first_line.h"

namespace settle {
namespace embedded {
extern const char* const kHostJs;
extern const char* const kDuktapePromiseJs;
}  // namespace embedded

namespace {

const std::chrono::seconds kStartTimeout{30};
// For a driver that ends a case at its timeout itself: how much longer settle waits for its
// report before it kills the process (the case must end within its timeout plus 1 s).
const std::chrono::milliseconds kSelfTimeoutGrace{300};
constexpr std::size_t kMaxReplyBytes = 64u << 20;    // one reply line
constexpr std::size_t kMaxOutputBytes = 256u << 20;  // all a process may print
constexpr std::size_t kNoiseKept = 2048;

// The line of an engine's stderr that best says why it ended: one that mentions memory, or else
// the last non-empty one.
std::string telling_line(const std::string& text) {
  std::istringstream lines(text);
  std::string line, last;
  while (std::getline(lines, line)) {
    if (line.find("out of memory") != std::string::npos) return line;
    if (!line.empty()) last = line;
  }
  return last;
}

// The first line the version command prints, or "unknown".
std::string read_version(const std::vector<std::string>& command) {
  if (command.empty()) return "unknown";
  try {
    ChildProcess child(command, {});
    std::string line;
    if (child.read_line(&line, std::chrono::steady_clock::now() + std::chrono::seconds(10), 4096) ==
        ChildProcess::Read::kLine) {
      return line;
    }
    return first_line(child.stderr_tail()).empty() ? "unknown" : first_line(child.stderr_tail());
  } catch (const std::exception&) {
    return "unknown";
  }
}

}  // namespace

struct ProcessEngineShared {
  ProcessEngineShared() = default;
  ProcessEngineShared(const ProcessEngineShared&) = delete;
  ProcessEngineShared& operator=(const ProcessEngineShared&) = delete;
  // Here rather than in the factory's destructor, which a constructor that throws (an engine that
  // does not start, an interrupt) never runs.
  ~ProcessEngineShared() {
    std::error_code ignored;
    if (!folder.empty()) std::filesystem::remove_all(folder, ignored);
  }

  EngineProfile profile;
  EngineOptions options;
  EngineInfo info;
  std::filesystem::path folder;  // holds the driver file; removed with the last engine
  std::vector<std::string> command;
  std::vector<Prelude> preludes;  // the profile's, then --prelude's
  std::string probe_script;
  std::string driver_source;  // for a process per case: the script sent on stdin
  nlohmann::json settings;    // the setup request's "engine" part
  bool full_version = false;  // the ready reply's version is the whole version text
  bool enforces_timeout = false;
};

namespace {

// For a shell that takes one script on stdin: the driver, then a call with the setup, the case
// (null for the probes) and settle's Promise for engines that have none.
std::string per_case_script(const ProcessEngineShared& shared, const std::string& setup,
                            const std::string& request) {
  return shared.driver_source + "\nsettleMain(" + setup + ", " + request + ", " +
         embedded::kDuktapePromiseJs + ");\n";
}

}  // namespace

ProcessEngine::ProcessEngine(std::shared_ptr<const ProcessEngineShared> shared)
    : shared_(std::move(shared)) {}

ProcessEngine::~ProcessEngine() { stop(); }

const EngineInfo& ProcessEngine::info() const { return shared_->info; }

void ProcessEngine::stop() {
  child_.reset();
  scratch_.reset();
  harness_sent_.clear();
  folders_sent_.clear();
}

void ProcessEngine::spawn() {
  stop();
  std::vector<std::string> command = shared_->command;
  for (std::string& argument : command) {
    if (argument != "{scratch}") continue;
    if (!scratch_) {
      scratch_ = std::make_unique<ScratchFolder>(
          shared_->folder.empty() ? std::filesystem::temp_directory_path() : shared_->folder);
    }
    argument = scratch_->path().string();
  }
  child_ = std::make_unique<ChildProcess>(command, shared_->profile.limits);
}

nlohmann::json ProcessEngine::start() {
  spawn();
  nonce_ = make_nonce();
  std::string setup =
      setup_request(nonce_, embedded::kHostJs, shared_->preludes, shared_->profile.aliases,
                    shared_->probe_script, shared_->settings);
  if (shared_->profile.process_per_case) setup = per_case_script(*shared_, setup, "null");
  bool sent = child_->write_all(setup);
  if (shared_->profile.process_per_case) child_->close_stdin();
  if (!sent) {
    std::string why = child_->exit_description();
    throw std::runtime_error(shared_->profile.name + " " + why + ": " + child_->stderr_tail());
  }
  auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  std::string line;
  while (true) {
    switch (child_->read_line(&line, deadline, kMaxReplyBytes)) {
      case ChildProcess::Read::kLine:
        if (auto reply = parse_reply(line, nonce_)) {
          if ((*reply)["type"] == "ready") return *reply;
          std::string message = reply->value("message", std::string("no reason given"));
          auto prelude = reply->find("prelude");
          if (prelude != reply->end() && prelude->is_string()) {
            throw PreludeError(shared_->profile.name, prelude->get<std::string>(), message);
          }
          throw std::runtime_error(shared_->profile.name + " failed to start: " + message);
        }
        continue;
      case ChildProcess::Read::kTimeout:
        throw std::runtime_error(shared_->profile.name + " did not answer within " +
                                 std::to_string(kStartTimeout.count()) + " s of starting");
      case ChildProcess::Read::kInterrupted:
        throw std::runtime_error("the run was interrupted while " + shared_->profile.name +
                                 " was starting");
      case ChildProcess::Read::kTooLong:
      case ChildProcess::Read::kEnded: {
        std::string why = child_->exit_description();
        throw std::runtime_error(shared_->profile.name + " " + why +
                                 " while starting: " + first_line(child_->stderr_tail()));
      }
    }
  }
}

Observation ProcessEngine::run(const Job& job) {
  if (shared_->profile.process_per_case) {
    // A fresh process is the fresh realm; it ends with the case.
    Observation observation = run_in(job);
    stop();
    return observation;
  }
  Observation observation = run_in(job);
  if (scratch_) scratch_->empty();  // what the case wrote, whether it passed, failed or timed out
  return observation;
}

Observation ProcessEngine::run_in(const Job& job) {
  std::string request = case_request(job, shared_->profile.process_per_case);
  try {
    if (shared_->profile.process_per_case) {
      spawn();
      nonce_ = make_nonce();
      std::string setup = setup_request(nonce_, embedded::kHostJs, shared_->preludes,
                                        shared_->profile.aliases, shared_->probe_script);
      request = per_case_script(*shared_, setup, request);
    } else if (!child_) {
      start();
    }
  } catch (const std::exception& error) {
    stop();
    return Observation::faulted(error.what());
  }
  if (job.test->test262 && !shared_->profile.process_per_case) {
    std::string harness;  // the files this process has not been given yet
    for (const auto& file : job.test->test262->harness) {
      if (harness_sent_.insert(file->name).second) harness += harness_request(*file);
    }
    const auto& folder = job.test->test262->folder;
    if (folder && shared_->info.modules && folders_sent_.insert(folder->path).second) {
      harness += module_folder_request(*folder);
    }
    request = harness + request;
  }
  auto deadline = std::chrono::steady_clock::now() + job.timeout;
  if (shared_->enforces_timeout) deadline += kSelfTimeoutGrace;
  bool sent = child_->write_all(request);
  if (shared_->profile.process_per_case) child_->close_stdin();
  if (!sent) {
    std::string message = shared_->profile.name + " " + child_->exit_description() +
                          " before taking the case: " + first_line(child_->stderr_tail());
    stop();
    return Observation::faulted(std::move(message));
  }
  std::string line;
  std::string noise;
  Observation observation;
  std::size_t printed_before = child_->stdout_bytes();
  while (true) {
    ChildProcess::Read read = child_->read_line(&line, deadline, kMaxReplyBytes);
    if (read == ChildProcess::Read::kLine) {
      try {
        if (auto reply = parse_reply(line, nonce_)) {
          // The case asked for a callback that the engine may run after it has ended
          // (host.js, outlivesCase): the process ends with it.
          if (reply_asks_to_recycle(*reply)) stop();
          return observation_from_reply(*reply);
        }
      } catch (const ProtocolError& error) {
        stop();
        return Observation::faulted(error.what());
      }
      if (noise.size() < kNoiseKept) noise += line.substr(0, kNoiseKept) + "\n";
      if (child_->stdout_bytes() - printed_before > kMaxOutputBytes) {
        stop();
        return Observation::faulted(shared_->profile.name + " printed more than " +
                                    std::to_string(kMaxOutputBytes >> 20) +
                                    " MiB without answering");
      }
      continue;
    }
    if (read == ChildProcess::Read::kTimeout) {
      observation.ending = TimedOut{};
    } else if (read == ChildProcess::Read::kInterrupted) {
      observation.ending = Faulted{"the run was interrupted during the case"};  // stop() kills it
    } else if (read == ChildProcess::Read::kTooLong) {
      observation.ending = Faulted{shared_->profile.name + " printed a line longer than " +
                                   std::to_string(kMaxReplyBytes >> 20) + " MiB"};
    } else {
      std::string message =
          shared_->profile.name + " " + child_->exit_description() + " during the case";
      std::string tail = telling_line(child_->stderr_tail());
      if (!tail.empty()) message += ": " + tail;
      if (!noise.empty()) message += "\nit printed: " + noise;
      observation.ending = Faulted{std::move(message)};
    }
    stop();
    return observation;
  }
}

ProcessEngineFactory::ProcessEngineFactory(EngineProfile profile, EngineOptions options)
    : shared_(std::make_shared<ProcessEngineShared>()) {
  ProcessEngineShared& shared = *shared_;
  shared.profile = std::move(profile);
  shared.options = std::move(options);
  shared.info.name = shared.profile.name;
  shared.info.adapter = AdapterKind::kProcess;
  for (Prelude& prelude : profile_preludes(shared.profile))
    shared.preludes.push_back(std::move(prelude));
  for (const auto& prelude : shared.options.preludes) shared.preludes.push_back(prelude);

  std::string pattern = (std::filesystem::temp_directory_path() / "settle-driver-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
  shared.folder = pattern;
  std::filesystem::path driver;
  if (!shared.profile.driver.empty()) {
    shared.driver_source = builtin_driver_text(shared.profile.driver);
    driver = shared.folder / (shared.profile.driver + "_driver.js");
    std::ofstream(driver, std::ios::binary) << shared.driver_source;
  }
  shared.command = profile_command(shared.profile, driver.string());
  shared.probe_script = feature_probe_script(shared.profile.probes);
  probe();
}

ProcessEngineFactory::ProcessEngineFactory(EngineProfile profile, ProcessLaunch launch)
    : shared_(std::make_shared<ProcessEngineShared>()) {
  ProcessEngineShared& shared = *shared_;
  shared.profile = std::move(profile);
  shared.profile.limits = launch.limits;
  shared.info.name = shared.profile.name;
  shared.info.adapter = launch.adapter;
  shared.command = std::move(launch.command);
  shared.preludes = std::move(launch.preludes);
  shared.probe_script = std::move(launch.probe_script);
  shared.settings = std::move(launch.settings);
  shared.full_version = true;
  probe();
}

// Reads the version, and the feature probes and $262 parts from a first process's ready reply.
void ProcessEngineFactory::probe() {
  ProcessEngineShared& shared = *shared_;
  std::vector<std::string> version_command;
  for (const auto& argument : shared.profile.version)
    version_command.push_back(expand_placeholders(shared.profile, argument));
  std::string version = read_version(version_command);
  auto probe = std::make_unique<ProcessEngine>(shared_);
  nlohmann::json ready = probe->start();
  spare_ = std::move(probe);  // started and set up: the first worker's engine
  if (version == "unknown") version = ready.value("version", version);
  // "node-current v26.10.0 + bluebird 3.7.2" for the profile node-current+bluebird.
  std::string engine = shared.profile.name.substr(0, shared.profile.name.find_first_of("+@"));
  shared.info.version =
      shared.full_version ? version : engine + " " + version + libraries_label(shared.preludes);
  shared.enforces_timeout = ready.value("enforces_timeout", false);
  shared.info.modules = ready.value("modules", false);
  shared.info.no_modules = shared.profile.no_modules;
  const nlohmann::json features = ready.value("features", nlohmann::json::object());
  for (auto it = features.begin(); it != features.end(); ++it) {
    shared.info.features[it.key()] = it.value().is_boolean() && it.value().get<bool>();
  }
  for (const auto& feature : shared.profile.lacks) shared.info.features[feature] = false;
  const nlohmann::json host_262 = ready.value("host262", nlohmann::json::array());
  for (const auto& part : host_262) {
    if (part.is_string()) shared.info.host_262.insert(part.get<std::string>());
  }
}

ProcessEngineFactory::~ProcessEngineFactory() = default;

const EngineInfo& ProcessEngineFactory::info() const { return shared_->info; }

std::unique_ptr<Engine> ProcessEngineFactory::create() const {
  std::lock_guard<std::mutex> lock(spare_mutex_);
  if (spare_) return std::move(spare_);
  return std::make_unique<ProcessEngine>(shared_);
}

}  // namespace settle
