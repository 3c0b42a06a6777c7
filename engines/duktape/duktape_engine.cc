#include "engines/duktape/duktape_engine.h"

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "engines/duktape/duktape_heap.h"
#include "engines/feature_probes.h"
#include "engines/host/host_report.h"

namespace settle {
namespace embedded {
extern const char* const kDuktapePromiseJs;
extern const char* const kHostJs;
}  // namespace embedded

// Bytecode of everything a realm is built from, made once and loaded into each case's heap.
struct DuktapeBootstrap {
  EngineInfo info;
  EngineOptions options;  // preludes: the profile's, then the run's
  bool own_promise = true;
  std::vector<std::string> aliases;
  std::string promise_file;      // engines/duktape/promise.js, or the profile's `promise`
  std::string promise_bytecode;  // promise_file's function (global, host)
  std::string host_bytecode;     // engines/host/host.js, a function (global, hooks)
  std::vector<std::string> prelude_bytecode;  // program functions, one per --prelude

  // test262 harness files, compiled once per run by whichever worker needs one first.
  struct CompiledHarness {
    std::string bytecode;  // a program function
    std::string error;     // why it does not compile on Duktape
  };
  mutable std::mutex harness_mutex;
  mutable std::map<std::string, CompiledHarness> harness;
};

namespace {

// Heap stash keys.
constexpr const char* kJobQueue = "jobs";
constexpr const char* kHostApi = "host";
constexpr const char* kPromiseInstaller = "promiseInstaller";
constexpr const char* kHostInstaller = "hostInstaller";

// A heap is renewed after this many cases, so that whatever a case leaves in it cannot pile up.
constexpr std::size_t kCasesPerHeap = 2000;

// Empties the global object of the heap's first thread, where the installers were loaded. The
// installers must read every intrinsic from their `global` argument, since they run in other
// realms; a name they read directly would find nothing here and fail loudly.
constexpr const char* kEmptyGlobal =
    "(function (g) { var names = Object.getOwnPropertyNames(g);"
    " for (var i = 0; i < names.length; i++) { try { delete g[names[i]]; } catch (e) {} } })(this)";

// Time to write the report of a case that timed out, so that it keeps what it logged; the
// worker's parent allows for it (engines/duktape/duktape_worker.h).
const std::chrono::milliseconds kReportGrace{200};

// The per-run state that native functions reach through the heap.
struct JobQueue {
  duk_uarridx_t head = 0;
  duk_uarridx_t tail = 0;
};

std::string error_text(duk_context* ctx, duk_idx_t index) {
  // Prefer the stack trace's first line (it names file and line) over a bare message.
  return duk_safe_to_string(ctx, index);
}

// Compiles `source` (a program whose completion value is a function, or a plain program) and
// returns its bytecode. Throws std::runtime_error with Duktape's message.
std::string compile_to_bytecode(duk_context* ctx, const std::string& source,
                                const std::string& file, bool evaluate_to_function) {
  duk_push_string(ctx, file.c_str());
  if (duk_pcompile_lstring_filename(ctx, 0, source.data(), source.size()) != 0) {
    std::string message = file + ": " + error_text(ctx, -1);
    duk_pop(ctx);
    throw std::runtime_error(message);
  }
  if (evaluate_to_function && duk_pcall(ctx, 0) != 0) {
    std::string message = file + ": " + error_text(ctx, -1);
    duk_pop(ctx);
    throw std::runtime_error(message);
  }
  duk_dump_function(ctx);
  duk_size_t size = 0;
  const char* bytes = static_cast<const char*>(duk_get_buffer(ctx, -1, &size));
  std::string bytecode(bytes, size);
  duk_pop(ctx);
  return bytecode;
}

void push_bytecode(duk_context* ctx, const std::string& bytecode) {
  void* buffer = duk_push_fixed_buffer(ctx, bytecode.size());
  std::copy(bytecode.begin(), bytecode.end(), static_cast<char*>(buffer));
  duk_load_function(ctx);
}

JobQueue& job_queue(duk_context* ctx) {
  duk_push_heap_stash(ctx);
  duk_get_prop_string(ctx, -1, "queue");
  auto* queue = static_cast<JobQueue*>(duk_get_pointer(ctx, -1));
  duk_pop_2(ctx);
  return *queue;
}

duk_ret_t native_enqueue_job(duk_context* ctx) {
  duk_require_function(ctx, 0);
  JobQueue& queue = job_queue(ctx);
  duk_push_heap_stash(ctx);
  duk_get_prop_string(ctx, -1, kJobQueue);
  duk_dup(ctx, 0);
  duk_put_prop_index(ctx, -2, queue.tail++);
  return 0;
}

// $262.evalScript(source): runs source as a Script of the calling realm and returns its
// completion value; a SyntaxError of the realm's own when it does not parse.
duk_ret_t native_eval_script(duk_context* ctx) {
  duk_size_t size = 0;
  const char* source = duk_require_lstring(ctx, 0, &size);
  duk_push_string(ctx, "evalScript");
  if (duk_pcompile_lstring_filename(ctx, 0, source, size) != 0) return duk_throw(ctx);
  duk_push_global_object(ctx);
  duk_call_method(ctx, 0);
  return 1;
}

duk_ret_t native_gc(duk_context* ctx) {
  duk_gc(ctx, 0);
  return 0;
}

void put_function(duk_context* ctx, const char* name, duk_c_function function, duk_idx_t nargs) {
  duk_push_c_function(ctx, function, nargs);
  duk_put_prop_string(ctx, -2, name);
}

// Loads the installers into a new heap's stash and empties its first realm's global object.
void prepare_heap(duk_context* ctx, const DuktapeBootstrap& bootstrap) {
  duk_push_heap_stash(ctx);
  push_bytecode(ctx, bootstrap.promise_bytecode);
  duk_put_prop_string(ctx, -2, kPromiseInstaller);
  push_bytecode(ctx, bootstrap.host_bytecode);
  duk_put_prop_string(ctx, -2, kHostInstaller);
  duk_pop(ctx);
  if (duk_peval_string(ctx, kEmptyGlobal) != 0) {
    throw std::runtime_error("cannot prepare the Duktape heap: " + error_text(ctx, -1));
  }
  duk_pop(ctx);
}

// Calls the installer in the heap stash under `installer` with (global, hooks on the stack top);
// leaves what it returns. Throws std::runtime_error with `file` when it fails.
void install(duk_context* ctx, const char* installer, const char* file) {
  duk_push_heap_stash(ctx);
  duk_get_prop_string(ctx, -1, installer);
  duk_remove(ctx, -2);
  duk_insert(ctx, -2);  // [installer hooks]
  duk_push_global_object(ctx);
  duk_insert(ctx, -2);  // [installer global hooks]
  if (duk_pcall(ctx, 2) != 0)
    throw std::runtime_error(std::string(file) + ": " + error_text(ctx, -1));
}

duk_int_t call_host(duk_context* ctx, const char* name, duk_idx_t nargs);

// Builds the realm of the thread `ctx`: the Promise, the host prelude and the user's preludes.
// Leaves nothing on the stack. Throws std::runtime_error when a part fails to load.
void build_realm(duk_context* ctx, const DuktapeBootstrap& bootstrap, JobQueue* queue) {
  // Objects that C++ writes into are bare (no prototype): a setter that case code puts on
  // Array.prototype or Object.prototype must never run outside a protected call.
  duk_push_heap_stash(ctx);
  duk_push_bare_array(ctx);
  duk_put_prop_string(ctx, -2, kJobQueue);
  duk_push_pointer(ctx, queue);
  duk_put_prop_string(ctx, -2, "queue");

  // promise.js (global, host) -> {isPromise, state, result}; or no Promise, for a library's
  if (bootstrap.own_promise) {
    duk_push_bare_object(ctx);
    put_function(ctx, "enqueueJob", native_enqueue_job, 1);
    duk_push_bare_object(ctx);
    duk_push_string(ctx, DUK_HIDDEN_SYMBOL("PromiseSlots"));  // no script can name or see it
    duk_put_prop_string(ctx, -2, "record");
    duk_put_prop_string(ctx, -2, "slots");
    install(ctx, kPromiseInstaller, bootstrap.promise_file.c_str());
  } else {
    duk_push_undefined(ctx);
  }

  // host.js (global, hooks) -> the functions that drive the case
  duk_push_bare_object(ctx);
  put_function(ctx, "enqueueJob", native_enqueue_job, 1);
  // The report is written with every non-ASCII character escaped, so that it is valid UTF-8
  // whatever Duktape holds internally (a lone surrogate, say).
  duk_push_true(ctx);
  duk_put_prop_string(ctx, -2, "asciiJson");
  duk_dup(ctx, -2);
  duk_put_prop_string(ctx, -2, "promise");
  install(ctx, kHostInstaller, "engines/host/host.js");
  duk_put_prop_string(ctx, -3, kHostApi);  // [stash promise_api host_api]
  duk_pop_2(ctx);

  duk_push_global_object(ctx);
  for (const std::string& alias : bootstrap.aliases) {  // self, window, ...: for libraries
    duk_push_string(ctx, alias.c_str());
    duk_push_global_object(ctx);
    duk_def_prop(ctx, -3,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE);
  }
  duk_pop(ctx);

  for (std::size_t i = 0; i < bootstrap.prelude_bytecode.size(); ++i) {
    push_bytecode(ctx, bootstrap.prelude_bytecode[i]);  // bound to this realm's global scope
    duk_push_global_object(ctx);
    if (duk_pcall_method(ctx, 0) != 0) {
      throw std::runtime_error("prelude " + bootstrap.options.preludes[i].file +
                               " threw: " + error_text(ctx, -1));
    }
    duk_pop(ctx);
  }
  // The Promise that the preludes left (a library's) is the one the host observes, taken now,
  // before case code can replace its `then`; and the global that only preludes may see goes.
  if (call_host(ctx, "capturePromise", 0) != 0) {
    throw std::runtime_error("engines/host/host.js: " + error_text(ctx, -1));
  }
  duk_pop(ctx);
}

// Calls host.<name>(the `nargs` values on top of the stack); leaves the result or the error.
duk_int_t call_host(duk_context* ctx, const char* name, duk_idx_t nargs) {
  duk_idx_t base = duk_get_top(ctx) - nargs;
  duk_push_heap_stash(ctx);
  duk_get_prop_string(ctx, -1, kHostApi);
  duk_remove(ctx, -2);
  duk_insert(ctx, base);  // [host args...]
  duk_push_string(ctx, name);
  duk_insert(ctx, base + 1);  // [host name args...]
  duk_int_t status = duk_pcall_prop(ctx, base, nargs);
  duk_remove(ctx, base);
  return status;
}

// Runs queued jobs until the queue is empty. Jobs never throw in a correct Promise; a throw is
// recorded as uncaught.
void drain_jobs(duk_context* ctx, DuktapeHeap& heap, JobQueue& queue) {
  duk_push_heap_stash(ctx);
  duk_get_prop_string(ctx, -1, kJobQueue);
  while (queue.head < queue.tail && !heap.timed_out() && !heap.out_of_memory()) {
    duk_get_prop_index(ctx, -1, queue.head);
    duk_push_undefined(ctx);
    duk_put_prop_index(ctx, -3, queue.head);
    ++queue.head;
    if (duk_pcall(ctx, 0) != 0) {
      duk_push_string(ctx, "a job");
      duk_swap(ctx, -1, -2);
      call_host(ctx, "reportUncaught", 2);  // replaces the error with its result
    }
    duk_pop(ctx);
    if (queue.head == queue.tail) {  // start a fresh array so the queue does not grow for ever
      queue.head = queue.tail = 0;
      duk_pop(ctx);
      duk_push_bare_array(ctx);
      duk_dup_top(ctx);
      duk_put_prop_string(ctx, -3, kJobQueue);
    }
  }
  duk_pop_2(ctx);
}

// Ends the case through host.finish(), and reads its report into `observation`: returns whether
// the report had an outcome. Sets `fault` when the report could not be written.
bool finish(duk_context* ctx, const Job& job, Observation& observation,
            std::optional<std::string>& fault) {
  duk_push_bare_array(ctx);
  for (duk_uarridx_t i = 0; i < job.watched_globals.size(); ++i) {
    duk_push_string(ctx, job.watched_globals[i].c_str());
    duk_put_prop_index(ctx, -2, i);
  }
  if (call_host(ctx, "finish", 1) != 0) {
    fault = "the observed values could not be serialised: " + error_text(ctx, -1);
    duk_pop(ctx);
    return false;
  }
  std::string text = duk_get_string(ctx, -1);
  duk_pop(ctx);
  return read_host_report(nlohmann::json::parse(text), observation);
}

// The bytecode of a harness file, compiled on first use; nullptr with `error` set when it does
// not compile here.
const DuktapeBootstrap::CompiledHarness& compiled_harness(duk_context* ctx,
                                                          const DuktapeBootstrap& bootstrap,
                                                          const HarnessFile& file) {
  std::lock_guard<std::mutex> lock(bootstrap.harness_mutex);
  auto found = bootstrap.harness.find(file.name);
  if (found != bootstrap.harness.end()) return found->second;
  DuktapeBootstrap::CompiledHarness compiled;
  try {
    compiled.bytecode = compile_to_bytecode(ctx, file.code, file.name, false);
  } catch (const std::runtime_error& error) {
    compiled.error = error.what();
  }
  return bootstrap.harness.emplace(file.name, std::move(compiled)).first->second;
}

// Gives a test262 test its realm: $262, then the harness files in order. Returns why a harness
// file failed to load, or an empty text.
std::string prepare_test262(duk_context* ctx, const DuktapeBootstrap& bootstrap,
                            const Test262Run& run) {
  duk_push_bare_object(ctx);
  put_function(ctx, "evalScript", native_eval_script, 1);
  put_function(ctx, "gc", native_gc, 0);
  call_host(ctx, "install262", 1);
  duk_pop(ctx);
  for (const auto& file : run.harness) {
    const DuktapeBootstrap::CompiledHarness& compiled = compiled_harness(ctx, bootstrap, *file);
    if (!compiled.error.empty()) return compiled.error;
    push_bytecode(ctx, compiled.bytecode);
    duk_push_global_object(ctx);
    if (duk_pcall_method(ctx, 0) != 0) {
      std::string error = file->name + " threw " + error_text(ctx, -1);
      duk_pop(ctx);
      return error;
    }
    duk_pop(ctx);
  }
  return "";
}

// Runs one case in a new realm: a new thread with a new global environment, pushed on `main`.
Observation run_in_new_realm(duk_context* main, DuktapeHeap& heap,
                             const DuktapeBootstrap& bootstrap, const Job& job) {
  Observation observation;
  heap.set_deadline(std::chrono::steady_clock::now() + job.timeout);
  duk_push_thread_new_globalenv(main);
  duk_context* ctx = duk_get_context(main, -1);
  JobQueue queue;
  try {
    build_realm(ctx, bootstrap, &queue);
  } catch (const std::exception& error) {
    return Observation::faulted(error.what());
  }
  heap.arm_memory_limit(bootstrap.options.memory_limit_bytes);

  const Case& test = *job.test;
  std::string harness_error;
  if (test.test262) harness_error = prepare_test262(ctx, bootstrap, *test.test262);
  bool parse_error = false;
  if (!harness_error.empty()) {
    observation.harness_error = harness_error;
    call_host(ctx, "observeCompleted", 0);
  } else {
    duk_push_string(ctx, test.id.c_str());
    duk_uint_t flags = test.strict ? DUK_COMPILE_STRICT : 0;
    if (duk_pcompile_lstring_filename(ctx, flags, test.code.data(), test.code.size()) != 0) {
      parse_error = true;
      call_host(ctx, "observeThrow", 1);
    } else {
      duk_push_global_object(ctx);
      bool threw = duk_pcall_method(ctx, 0) != 0;
      const char* observer = threw ? "observeThrow" : test.test262 ? "observeCompleted" : "observe";
      if (!threw && test.test262) duk_pop(ctx);  // the completion value is no subject
      call_host(ctx, observer, threw || !test.test262 ? 1 : 0);
    }
  }
  duk_pop(ctx);

  while (true) {
    drain_jobs(ctx, heap, queue);
    if (heap.timed_out() || heap.out_of_memory()) break;
    // The job queue has drained: the host's rejection checkpoint (docs/design.md).
    call_host(ctx, "checkpoint", 0);
    duk_pop(ctx);
    bool ran_timer =
        call_host(ctx, "runNextTimer", 0) == 0 && duk_get_boolean_default(ctx, -1, false);
    duk_pop(ctx);
    if (!ran_timer) break;
  }
  duk_set_top(ctx, 0);

  bool out_of_memory = heap.out_of_memory();
  bool timed_out = heap.timed_out();
  if (timed_out) {
    // Keep what the case logged so far: give the report a short time of its own.
    heap.set_deadline(std::chrono::steady_clock::now() + kReportGrace);
    heap.clear_timeout();
  }
  heap.disarm_memory_limit();
  std::optional<std::string> fault;  // why there is no report to read
  bool outcome = false;
  try {
    outcome = finish(ctx, job, observation, fault);
  } catch (const std::exception& error) {
    fault = std::string("the host prelude's report was unreadable: ") + error.what();
  }
  if (auto* threw = std::get_if<Threw>(&observation.ending); threw && parse_error) {
    threw->phase = Test262Phase::kParse;
  }
  // A getter or toString that loops while the report is written is the case's code running past
  // its deadline: a timeout, as anywhere else.
  timed_out = timed_out || (!out_of_memory && heap.timed_out());
  if (timed_out) {
    observation.ending = TimedOut{};
  } else if (!outcome && !fault && !observation.uncaught) {
    observation.ending = Faulted{"the host prelude saw no outcome"};
  } else if (out_of_memory) {
    observation.ending =
        Faulted{"the case exceeded the memory limit of " +
                std::to_string(bootstrap.options.memory_limit_bytes >> 20) + " MiB"};
  } else if (fault) {
    observation.ending = Faulted{*fault};
  }
  return observation;
}

}  // namespace

DuktapeEngine::DuktapeEngine(std::shared_ptr<const DuktapeBootstrap> bootstrap)
    : bootstrap_(std::move(bootstrap)) {}

DuktapeEngine::~DuktapeEngine() = default;

const EngineInfo& DuktapeEngine::info() const { return bootstrap_->info; }

void DuktapeEngine::open_heap() {
  heap_.reset();
  auto heap = std::make_unique<DuktapeHeap>();
  prepare_heap(heap->context(), *bootstrap_);
  heap_ = std::move(heap);
  cases_in_heap_ = 0;
}

Observation DuktapeEngine::run(const Job& job) {
  if (!heap_ || cases_in_heap_ >= kCasesPerHeap) open_heap();
  ++cases_in_heap_;
  DuktapeHeap& heap = *heap_;
  duk_context* main = heap.context();
  Observation observation;
  try {
    observation = run_in_new_realm(main, heap, *bootstrap_, job);
  } catch (const DuktapeFatalError& error) {
    // The heap's state is unknown: destroying it could crash too, so it is left allocated.
    static_cast<void>(heap_.release());
    return Observation::faulted(error.what());
  }
  duk_set_top(main, 0);  // drops the case's thread and all it held
  heap.set_deadline(std::chrono::steady_clock::time_point::max());
  heap.disarm_memory_limit();
  // After a case that timed out, faulted or left an uncaught exception, a fresh heap.
  bool ran_cleanly = observation.ran() && !observation.uncaught;
  if (!ran_cleanly || heap.out_of_memory()) heap_.reset();
  return observation;
}

DuktapeSetup duktape_setup(const EngineProfile& profile, const EngineOptions& options) {
  DuktapeSetup setup;
  setup.name = profile.name;
  setup.own_promise = profile.own_promise;
  setup.promise = promise_file_of(profile);
  setup.aliases = profile.aliases;
  for (Prelude& prelude : profile_preludes(profile)) setup.preludes.push_back(std::move(prelude));
  for (const Prelude& prelude : options.preludes) setup.preludes.push_back(prelude);
  setup.probe_script = feature_probe_script(profile.probes);
  setup.lacks = profile.lacks;
  setup.memory_limit_bytes = options.memory_limit_bytes;
  return setup;
}

DuktapeEngineFactory::DuktapeEngineFactory(const EngineProfile& profile, EngineOptions options)
    : DuktapeEngineFactory(duktape_setup(profile, options)) {}

DuktapeEngineFactory::DuktapeEngineFactory(DuktapeSetup setup)
    : bootstrap_(std::make_shared<DuktapeBootstrap>()) {
  bootstrap_->options.preludes = std::move(setup.preludes);
  bootstrap_->options.memory_limit_bytes = setup.memory_limit_bytes;
  bootstrap_->own_promise = setup.own_promise;
  bootstrap_->aliases = setup.aliases;
  bootstrap_->info.name = setup.name;
  bootstrap_->info.adapter = AdapterKind::kDuktape;
  bootstrap_->info.host_262 = {"global", "evalScript", "gc"};
  bootstrap_->info.version = "duktape " + duktape_version();
  bootstrap_->info.version += libraries_label(bootstrap_->options.preludes);

  DuktapeHeap heap;
  duk_context* ctx = heap.context();
  bool own_file = !setup.promise.file.empty();
  bootstrap_->promise_file = own_file ? setup.promise.file : "engines/duktape/promise.js";
  bootstrap_->promise_bytecode = compile_to_bytecode(
      ctx, own_file ? setup.promise.code : std::string(embedded::kDuktapePromiseJs),
      bootstrap_->promise_file, true);
  bootstrap_->host_bytecode =
      compile_to_bytecode(ctx, embedded::kHostJs, "engines/host/host.js", true);
  for (const Prelude& prelude : bootstrap_->options.preludes) {
    try {
      bootstrap_->prelude_bytecode.push_back(
          compile_to_bytecode(ctx, prelude.code, prelude.file, false));
    } catch (const std::runtime_error& error) {
      std::string message = error.what();  // "<file>: SyntaxError: ..."
      throw PreludeError(setup.name, prelude.file, message.substr(prelude.file.size() + 2));
    }
  }

  // Feature probes, once per run, in a realm built like every case's.
  DuktapeHeap probe_heap;
  duk_context* main = probe_heap.context();
  prepare_heap(main, *bootstrap_);
  duk_push_thread_new_globalenv(main);
  duk_context* probe = duk_get_context(main, -1);
  JobQueue queue;
  try {
    build_realm(probe, *bootstrap_, &queue);
  } catch (const std::exception&) {
    return;  // a prelude that throws makes every case an error, which says more than a probe
  }
  if (duk_peval_lstring(probe, setup.probe_script.data(), setup.probe_script.size()) != 0) {
    throw std::runtime_error("feature probes failed on duktape: " + error_text(probe, -1));
  }
  const nlohmann::json probed = nlohmann::json::parse(duk_get_string(probe, -1));
  for (auto it = probed.begin(); it != probed.end(); ++it) {
    bootstrap_->info.features[it.key()] = it.value().get<bool>();
  }
  for (const auto& feature : setup.lacks) bootstrap_->info.features[feature] = false;
}

const EngineInfo& DuktapeEngineFactory::info() const { return bootstrap_->info; }

std::unique_ptr<Engine> DuktapeEngineFactory::create() const {
  return std::make_unique<DuktapeEngine>(bootstrap_);
}

std::string duktape_version() {
  long version = DUK_VERSION;
  return std::to_string(version / 10000) + "." + std::to_string(version / 100 % 100) + "." +
         std::to_string(version % 100);
}

}  // namespace settle
