// The sandbox, end to end: case code must not read a file, write a file, start a process or open a
// socket through any engine settle hosts (docs/design.md, Host API). For every built-in profile, a
// case tries each of these through everything an engine's globals might offer, on the case's own
// global and on every other global it can reach (constructor chains, host functions, stack
// frames, callers), and returns what worked. The test checks that list, and also checks the
// world outside: no file written, no process started, no connection made.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "settle_cli.h"
#include "spawned.h"

namespace settle::testing {
namespace {

using nlohmann::json;

const std::vector<std::string>& kProfiles = kBuiltinProfiles;

// ES5, so that Duktape runs it too. `attempt(name, run)` counts a capability as obtained when
// `run` returns anything but undefined, null, false or "" without throwing (a promise counts: the
// call was made); `attemptAsync` waits for the promise `run` returns and counts a truthy value.
// Each category's avenues are tried on every global object the case can reach; the case's subject
// is a promise of the list of what worked, "<avenue> via <how the global was reached>".
const char* const kProbePrelude = R"js(
var got = [], pending = [], how = '';
function attempt(name, run) {
  try {
    var value = run();
    if (value !== undefined && value !== null && value !== false && value !== '') got.push(name + ' via ' + how);
  } catch (e) {}
}
function attemptAsync(name, run) {
  var where = how;
  try {
    var promise = run();
    pending.push(promise.then(function (ok) { if (ok) got.push(name + ' via ' + where); }, function () {}));
  } catch (e) {}
}
// The Function constructor of the realm `value` belongs to.
function functionOf(value) {
  return typeof value === 'function' ? value.constructor : value.constructor.constructor;
}
var here = Function('return this')();
var candidates = [];
function candidate(how, get) {
  try {
    var g = get();
    if (g === null || (typeof g !== 'object' && typeof g !== 'function')) return;
    for (var i = 0; i < candidates.length; i++) if (candidates[i].g === g) return;
    candidates.push({ how: how, g: g });
  } catch (e) {}
}
function globalOf(value) { return functionOf(value)('return this')(); }
candidate('the global', function () { return here; });
candidate('indirect eval', function () { return (0, eval)('this'); });
candidate('globalThis', function () { return globalThis; });
['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
 '__lookupGetter__', '__defineGetter__', 'toLocaleString'].forEach(function (name) {
  candidate('global.' + name, function () { return globalOf(here[name]); });
});
(function () {
  for (var p = Object.getPrototypeOf(here), depth = 0; p && depth < 10; p = Object.getPrototypeOf(p), depth++) {
    (function (proto) { candidate('a prototype of the global', function () { return globalOf(proto); }); })(p);
  }
})();
[['$log', typeof $log === 'function' ? $log : null], ['print', typeof print === 'function' ? print : null],
 ['setTimeout', setTimeout], ['clearTimeout', clearTimeout], ['Promise', typeof Promise === 'function' ? Promise : null]
].forEach(function (pair) {
  candidate(pair[0] + '.constructor', function () { return globalOf(pair[1]); });
});
try { setTimeout('not a function'); } catch (e) { candidate('an error of setTimeout', function () { return globalOf(e); }); }
try {
  var savedPrepare = Error.prepareStackTrace;
  Error.prepareStackTrace = function (error, frames) { return frames; };
  var frames = new Error('frames').stack;
  Error.prepareStackTrace = savedPrepare;
  if (frames && typeof frames !== 'string') {
    for (var f = 0; f < frames.length; f++) {
      (function (frame) {
        candidate('a stack frame\'s this', function () { return frame.getThis(); });
        candidate('a stack frame\'s function', function () { return globalOf(frame.getFunction()); });
      })(frames[f]);
    }
  }
} catch (e) {}
// test262 tests get $262, whose parts are the adapter's: a realm that createRealm makes is another
// sandboxed realm, and nothing else about them may lead out.
var sandboxRealms = [];
if (typeof $262 === 'object' && $262 !== null) {
  // Written $262[name], not as a member expression: settle skips a test262 test that names a part the engine
  // lacks, and this probe wants whatever is there.
  ['evalScript', 'createRealm', 'gc', 'detachArrayBuffer', 'agent', 'IsHTMLDDA'].forEach(function (name) {
    candidate('$262[' + name + ']', function () { return globalOf($262[name]); });
  });
  candidate('$262[global]', function () { return $262['global']; });
  try { $262['evalScript']('('); } catch (e) { candidate('an error of $262[evalScript]', function () { return globalOf(e); }); }
  try { $262['detachArrayBuffer']({}); } catch (e) { candidate('an error of $262[detachArrayBuffer]', function () { return globalOf(e); }); }
  try {
    var other = $262['createRealm']();
    sandboxRealms.push(other['global']);
    candidate('a realm of $262[createRealm]', function () { return other['global']; });
    ['evalScript', 'createRealm'].forEach(function (name) {
      candidate('$262[createRealm]()[' + name + ']', function () { return globalOf(other[name]); });
    });
    candidate('a value of another realm', function () { return globalOf(other['evalScript']('({})')); });
  } catch (e) {
    candidate('an error of $262[createRealm]', function () { return globalOf(e); });
  }
}
if (typeof Promise === 'function') {
  Promise.resolve().then(function onJob() {
    candidate('the caller of a job', function () { return globalOf(onJob.caller); });
  });
}
// An import() that finds no module rejects: its error must come from this realm (node's vm once
// rejected with one of the driver's, and `process` was its constructor's constructor away).
[['import() in eval code', "eval('import(\"./nowhere.mjs\")')"],
 ['import() in indirect eval code', "(0, eval)('import(\"./nowhere.mjs\")')"],
 ['import() in Function code', "Function('return import(\"./nowhere.mjs\")')()"]
].forEach(function (pair) {
  try {
    var imported = eval(pair[1]);
    if (imported && typeof imported.then === 'function') {
      imported.then(null, function (e) { candidate('an error of ' + pair[0], function () { return globalOf(e); }); });
    }
  } catch (e) {
    candidate('an error of ' + pair[0], function () { return globalOf(e); });
  }
});
setTimeout(function onTimer() {
  candidate('the caller of a timer', function () { return globalOf(onTimer.caller); });
}, 0);
function eachGlobal(tryAll) {
  for (var i = 0; i < candidates.length; i++) {
    how = candidates[i].how;
    tryAll(candidates[i].g);
  }
}
function importIn(G, specifier) {
  return G.eval('import(' + JSON.stringify(specifier) + ')');
}
)js";

// The end of every probe: the subject is a promise of the list, once the async attempts settle.
const char* const kProbeEnd = R"js(
new Promise(function (resolve) {
  setTimeout(function () {
    eachGlobal(avenues);
    var left = pending.length;
    if (left === 0) resolve(got);
    for (var i = 0; i < pending.length; i++) {
      pending[i].then(function () { if (--left === 0) resolve(got); });
    }
    setTimeout(function () { resolve(got); }, 1000);
  }, 10);
})
)js";

const char* const kReadAvenues = R"js(
function readsSecret(text) { return text !== undefined && text !== null && String(text).indexOf(SECRET) >= 0; }
function avenues(G) {
  attempt('require("fs")', function () { return readsSecret(G.require('fs').readFileSync(SECRET_FILE, 'utf8')); });
  attempt('process.mainModule.require', function () { return readsSecret(G.process.mainModule.require('fs').readFileSync(SECRET_FILE, 'utf8')); });
  attempt('module.require', function () { return readsSecret(G.module.require('fs').readFileSync(SECRET_FILE, 'utf8')); });
  attempt('process.binding("fs")', function () { return G.process.binding('fs'); });
  attempt('process.getBuiltinModule', function () { return readsSecret(G.process.getBuiltinModule('fs').readFileSync(SECRET_FILE, 'utf8')); });
  attempt('read', function () { return readsSecret(G.read(SECRET_FILE)); });
  attempt('snarf', function () { return readsSecret(G.snarf(SECRET_FILE)); });
  attempt('readRelativeToScript', function () { return readsSecret(G.readRelativeToScript(SECRET_FILE)); });
  attempt('os.file.readFile', function () { return readsSecret(G.os.file.readFile(SECRET_FILE)); });
  attempt('os.file.readRelativeToScript', function () { return readsSecret(G.os.file.readRelativeToScript(SECRET_FILE)); });
  attempt('readFile', function () { return readsSecret(G.readFile(SECRET_FILE)); });
  attempt('readbuffer', function () { return G.readbuffer(SECRET_FILE); });
  attempt('load', function () { G.load(SECRET_SCRIPT); return G.sandboxLeak === SECRET; });
  attempt('loadRelativeToScript', function () { G.loadRelativeToScript(SECRET_SCRIPT); return G.sandboxLeak === SECRET; });
  attempt('std.loadFile', function () { return readsSecret(G.std.loadFile(SECRET_FILE)); });
  attempt('std.open', function () { return readsSecret(G.std.open(SECRET_FILE, 'r').readAsString()); });
  attempt('os.open', function () { return G.os.open(SECRET_FILE, 0) >= 0; });
  attempt('Deno.readTextFileSync', function () { return readsSecret(G.Deno.readTextFileSync(SECRET_FILE)); });
  attempt('Deno.readFileSync', function () { return readsSecret(new TextDecoder().decode(G.Deno.readFileSync(SECRET_FILE))); });
  attempt('Deno.openSync', function () { return G.Deno.openSync(SECRET_FILE); });
  attempt('Bun.file', function () { return G.Bun.file(SECRET_FILE); });
  attemptAsync('Bun.file().text()', function () { return G.Bun.file(SECRET_FILE).text().then(readsSecret); });
  attempt('Bun.mmap', function () { return G.Bun.mmap(SECRET_FILE); });
  attempt('openFile', function () { return G.openFile(SECRET_FILE); });
  attempt('runString', function () { return G.runString('1'); });
  attempt('loadSegment', function () { return G.loadSegment(SECRET_FILE); });
  attempt('Loader (jsc module loader)', function () { return G.Loader; });
  attempt('@readFile (jsc private names)', function () { return readsSecret(G.eval('@readFile')(SECRET_FILE)); });
  attemptAsync('@importModule (jsc private names)', function () {
    return G.eval('@importModule')(SECRET_MODULE).then(function (m) { return m && m.secret === SECRET; });
  });
  attempt('XMLHttpRequest', function () {
    var request = new G.XMLHttpRequest();
    request.open('GET', 'file://' + SECRET_FILE, false);
    request.send();
    return readsSecret(request.responseText);
  });
  attempt('fetch', function () { return G.fetch('file://' + SECRET_FILE); });
  attempt('Duktape.modSearch', function () { return G.require && G.Duktape.modSearch; });
  attemptAsync('import() of a module file', function () {
    return importIn(G, SECRET_MODULE).then(function (m) { return m && m.secret === SECRET; });
  });
  attemptAsync('import() of a script file', function () {
    return importIn(G, SECRET_SCRIPT).then(function () { return G.sandboxLeak === SECRET; });
  });
}
)js";

const char* const kWriteAvenues = R"js(
function avenues(G) {
  attempt('require("fs")', function () { G.require('fs').writeFileSync(OUT + '/require-fs', 'x'); return true; });
  attempt('process.mainModule.require', function () { G.process.mainModule.require('fs').writeFileSync(OUT + '/main-module', 'x'); return true; });
  attempt('module.require', function () { G.module.require('fs').writeFileSync(OUT + '/module-require', 'x'); return true; });
  attempt('process.binding("fs")', function () { return G.process.binding('fs'); });
  attempt('os.file.writeTypedArrayToFile', function () { G.os.file.writeTypedArrayToFile(OUT + '/os-file', new Uint8Array([120])); return true; });
  attempt('redirect', function () { var old = G.redirect(OUT + '/redirect'); G.redirect(old); return true; });
  attempt('redirectErr', function () { var old = G.redirectErr(OUT + '/redirect-err'); G.redirectErr(old); return true; });
  attempt('os.file.redirect', function () { var old = G.os.file.redirect(OUT + '/os-file-redirect'); G.os.file.redirect(old); return true; });
  attempt('dumpHeap', function () { G.dumpHeap(OUT + '/dump-heap'); return true; });
  attempt('writeFile', function () { G.writeFile(OUT + '/write-file', 'x'); return true; });
  attempt('std.open', function () { var f = G.std.open(OUT + '/std-open', 'w'); f.puts('x'); f.close(); return true; });
  attempt('os.open', function () { return G.os.open(OUT + '/os-open', G.os.O_WRONLY | G.os.O_CREAT, 420) >= 0; });
  attempt('Deno.writeTextFileSync', function () { G.Deno.writeTextFileSync(OUT + '/deno', 'x'); return true; });
  attempt('Bun.write', function () { return G.Bun.write(OUT + '/bun', 'x'); });
  attempt('Deno.openSync', function () { G.Deno.openSync(OUT + '/deno-open', { write: true, create: true }); return true; });
  attempt('createHeapSnapshot', function () { G.createHeapSnapshot(OUT + '/heap-snapshot'); return true; });
  attempt('generateHeapSnapshot', function () { return G.generateHeapSnapshot(); });
}
)js";

const char* const kProcessAvenues = R"js(
function touch(name) { return 'touch ' + OUT + '/' + name; }
function avenues(G) {
  attempt('require("child_process")', function () { G.require('child_process').execSync(touch('child-process')); return true; });
  attempt('process.mainModule.require', function () { G.process.mainModule.require('child_process').execSync(touch('main-module')); return true; });
  attempt('module.require', function () { G.module.require('child_process').execSync(touch('module-require')); return true; });
  attempt('process.binding("spawn_sync")', function () { return G.process.binding('spawn_sync'); });
  attempt('process.dlopen', function () { return typeof G.process.dlopen === 'function'; });
  attempt('os.system', function () { G.os.system(touch('os-system')); return true; });
  attempt('system', function () { G.system(touch('system')); return true; });
  attempt('os.spawn', function () { G.os.spawn(touch('os-spawn')); return true; });
  attempt('run', function () { G.run(touch('run')); return true; });
  attempt('os.exec', function () { G.os.exec(['touch', OUT + '/os-exec']); return true; });
  attempt('std.popen', function () { G.std.popen(touch('std-popen'), 'r').close(); return true; });
  attempt('Deno.Command', function () { new G.Deno.Command('touch', { args: [OUT + '/deno-command'] }).outputSync(); return true; });
  attempt('Deno.run', function () { G.Deno.run({ cmd: ['touch', OUT + '/deno-run'] }); return true; });
  attempt('Bun.spawnSync', function () { G.Bun.spawnSync(['touch', OUT + '/bun']); return true; });
  attempt('Bun.spawn', function () { G.Bun.spawn(['touch', OUT + '/bun-spawn']); return true; });
  attempt('Bun.$', function () { return G.Bun.$(['touch ' + OUT + '/bun-shell']); });
  attempt('Deno.dlopen', function () { return G.Deno.dlopen('libc.so.6', {}); });
  attempt('quit', function () { return typeof G.quit === 'function'; });
  attempt('sleepSeconds', function () { return typeof G.sleepSeconds === 'function'; });
  attempt('ActiveXObject', function () { new G.ActiveXObject('WScript.Shell').Run(touch('activex')); return true; });
}
)js";

const char* const kSocketAvenues = R"js(
var URL_ = 'http://127.0.0.1:' + PORT + '/';
function avenues(G) {
  attempt('require("net")', function () { return G.require('net').connect(PORT, '127.0.0.1'); });
  attempt('require("http")', function () { return G.require('http').get(URL_); });
  attempt('process.mainModule.require', function () { return G.process.mainModule.require('net').connect(PORT, '127.0.0.1'); });
  attempt('process.binding("tcp_wrap")', function () { return G.process.binding('tcp_wrap'); });
  attempt('fetch', function () { return G.fetch(URL_); });
  attempt('WebSocket', function () { return new G.WebSocket('ws://127.0.0.1:' + PORT + '/'); });
  attempt('XMLHttpRequest', function () {
    var request = new G.XMLHttpRequest();
    request.open('GET', URL_, false);
    request.send();
    return true;
  });
  attempt('EventSource', function () { return new G.EventSource(URL_); });
  attempt('navigator.sendBeacon', function () { return G.navigator.sendBeacon(URL_, 'x'); });
  // These return nothing: whether they reached the network, the listener's backlog says.
  attempt('<img> element', function () {
    var image = G.document.createElement('img');
    image.src = URL_ + 'image.png';
    G.document.documentElement.appendChild(image);
  });
  attempt('Image', function () { new G.Image().src = URL_ + 'image-object.png'; });
  attempt('Worker', function () { new G.Worker(URL_ + 'worker.js', { type: 'module' }); });
  attempt('SharedWorker', function () { new G.SharedWorker(URL_ + 'shared-worker.js'); });
  attemptAsync('navigator.serviceWorker.register', function () {
    return G.navigator.serviceWorker.register(URL_ + 'service-worker.js').then(function () { return true; });
  });
  attempt('Deno.connect', function () { return G.Deno.connect({ hostname: '127.0.0.1', port: PORT }); });
  attempt('Bun.connect', function () { return G.Bun.connect({ hostname: '127.0.0.1', port: PORT }); });
  attempt('Bun.listen', function () { return G.Bun.listen({ hostname: '127.0.0.1', port: 0, socket: {} }); });
  attempt('Bun.serve', function () { return G.Bun.serve({ port: 0, fetch: function () {} }); });
  attempt('Deno.listen', function () { return G.Deno.listen({ port: 0 }); });
  attemptAsync('import() of a URL', function () {
    return importIn(G, URL_ + 'module.mjs').then(function () { return true; });
  });
}
)js";

// Not a capability of its own, but the way to all of them: a global object other than the case's.
const char* const kOuterRealmAvenues = R"js(
function avenues(G) {
  attempt('another global object', function () { return G !== here && sandboxRealms.indexOf(G) < 0; });
}
)js";

struct Category {
  const char* name;
  const char* avenues;
};

const Category kCategories[] = {{"read", kReadAvenues},
                                {"write", kWriteAvenues},
                                {"process", kProcessAvenues},
                                {"socket", kSocketAvenues},
                                {"outer-realm", kOuterRealmAvenues}};

// A TCP socket listening on 127.0.0.1 that nothing ever accepts from: a connection that a case
// opens waits in its backlog, where the test finds it.
class Listener {
 public:
  Listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd_, 64) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      ADD_FAILURE() << "cannot listen on 127.0.0.1";
    }
    port_ = ntohs(address.sin_port);
  }
  ~Listener() {
    if (fd_ >= 0) ::close(fd_);
  }
  int port() const { return port_; }
  // Whether a connection is waiting to be accepted.
  bool connected() const {
    ::fcntl(fd_, F_SETFL, O_NONBLOCK);
    int accepted = ::accept(fd_, nullptr, nullptr);
    if (accepted < 0) return false;
    ::close(accepted);
    return true;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

std::string js_string(const std::string& text) { return json(text).dump(); }

// For a test262 test: the same probe, ending in $DONE, with a Test262Error naming what worked.
const char* const kProbeEndTest262 = R"js(
setTimeout(function () {
  eachGlobal(avenues);
  var done = false;
  function finish() {
    if (done) return;
    done = true;
    $DONE(got.length ? new Test262Error('case code could: ' + got.join('; ')) : undefined);
  }
  var left = pending.length;
  if (left === 0) finish();
  for (var i = 0; i < pending.length; i++) {
    pending[i].then(function () { if (--left === 0) finish(); });
  }
  setTimeout(finish, 1000);
}, 10);
)js";

// A test262 test that recurses through $262.evalScript until the stack overflows, and looks at
// every error on the way out for one of another realm.
const char* const kEvalScriptOverflow = R"js(/*---
description: errors out of $262's evalScript belong to the test's realm, even a stack overflow
---*/
var here = Function('return this')();
var leaks = [];
function deep() {
  try {
    $262['evalScript']('deep()');
  } catch (e) {
    try {
      if (e !== null && typeof e === 'object' && e.constructor.constructor('return this')() !== here) {
        leaks.push(String(e));
      }
    } catch (x) {}
    throw e;
  }
}
if (typeof $262 === 'object' && typeof $262['evalScript'] === 'function') {
  try { deep(); } catch (e) {}
}
if (leaks.length) throw new Test262Error('an error of another realm: ' + leaks[0]);
)js";

// test262 tests of import() and module code load through settle's module map: a specifier that
// names a file outside the test's folder, absolute or relative, is refused without a read.
const char* const kImportSecret = R"js(/*---
description: import() of files outside the test's folder rejects
flags: [async]
features: [dynamic-import]
---*/
var loaded = [];
Promise.all([SECRET_MODULE, SECRET_SCRIPT, '../../../secret/secret.mjs'].map(function (specifier) {
  return import(specifier).then(function (m) {
    if ((m && m.secret === SECRET) || Function('return this')().sandboxLeak === SECRET) loaded.push(specifier);
  }, function () {});
})).then(function () {
  if (loaded.length) throw new Test262Error('import() read ' + loaded.join(', '));
}).then($DONE, $DONE);
)js";
const char* const kImportSecretModule = R"js(/*---
description: module code importing a file outside the test's folder does not link
flags: [module]
---*/
import { secret } from '../../../secret/secret.mjs';
throw new Test262Error('it linked: ' + secret);
)js";

// A realm that $262.createRealm made is the case's too: a callback that it leaves for the engine
// to run must not run in the next test's time (the -next test is innocent and must pass).
const char* const kLeftoverInAnotherRealm = R"js(/*---
description: a FinalizationRegistry of another realm whose cleanup loops, left for the engine
features: [FinalizationRegistry]
---*/
var other = $262.createRealm().global;
var registry = new other.FinalizationRegistry(function () { for (;;) {} });
(function () { for (var i = 0; i < 1000; i++) registry.register({ i: i }, i); })();
(function () { for (var i = 0; i < 300; i++) { var junk = []; for (var j = 0; j < 1000; j++) junk.push({ j: j }); } })();
)js";
const char* const kLeftoverNext = R"js(/*---
description: the test after a leftover callback runs in its own time
---*/
var innocent = 1;
)js";

// What a probe needs from outside, and the checks that nothing outside changed.
class SandboxTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    secret_ = "settle-sandbox-secret-" + std::to_string(::getpid());
    std::string file = dir_.write("secret/secret.txt", secret_ + "\n");
    std::string script = dir_.write("secret/secret.js", "var sandboxLeak = " + js_string(secret_) +
                                                            ";\nthis.sandboxLeak = sandboxLeak;\n");
    std::string module =
        dir_.write("secret/secret.mjs", "export var secret = " + js_string(secret_) + ";\n");
    std::filesystem::create_directories(dir_.file("out"));
    constants_ = "var SECRET = " + js_string(secret_) + ", SECRET_FILE = " + js_string(file) +
                 ", SECRET_SCRIPT = " + js_string(script) +
                 ", SECRET_MODULE = " + js_string(module) +
                 ", OUT = " + js_string(dir_.file("out")) +
                 ", PORT = " + std::to_string(listener_.port()) + ";\n";
  }

  std::string probe(const Category& category, const char* end) const {
    return constants_ + kProbePrelude + category.avenues + end;
  }

  // No file appeared where the probes write, and no connection reached the listener.
  void expect_nothing_outside_changed(const std::string& profile) {
    std::vector<std::string> written;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.file("out"))) {
      written.push_back(entry.path().filename().string());
    }
    EXPECT_TRUE(written.empty()) << profile
                                 << ": case code made files: " << ::testing::PrintToString(written);
    EXPECT_FALSE(listener_.connected()) << profile << ": case code opened a socket";
  }

  TempDir dir_;
  Listener listener_;
  std::string secret_;
  std::string constants_;
};

TEST_P(SandboxTest, CaseCodeCannotReadWriteSpawnOrConnect) {
  const std::string profile = GetParam();
  if (!engine_available(profile)) {
    GTEST_SKIP() << profile << " is not installed here (settle engines says so)";
  }
  json cases = json::array();
  for (const Category& category : kCategories) {
    cases.push_back({{"id", category.name},
                     {"timeout_ms", 60000},
                     {"code", probe(category, kProbeEnd)},
                     {"expect", {{"fulfilled", json::array()}}}});
  }
  dir_.write("cases/sandbox.json", json({{"cases", cases}}).dump(2));

  ProcessResult run =
      settle({"run", "cases", "-e", profile, "-j", "1", "--json", "r.json"}, dir_.path());
  json report = read_json(dir_.file("r.json"));
  for (const Category& category : kCategories) {
    const json* record = result_of(report, std::string("sandbox/") + category.name);
    ASSERT_NE(record, nullptr) << category.name << "\n" << run.out << run.err;
    EXPECT_EQ((*record)["status"], "pass") << profile << " lets case code " << category.name << ": "
                                           << (*record)["observed"].dump() << "\n"
                                           << (*record)["message"].get<std::string>();
  }
  expect_nothing_outside_changed(profile);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

// test262 tests are case code too, and they get $262, whose parts the adapter makes.
TEST_P(SandboxTest, Test262TestsCannotReadWriteSpawnOrConnectEvenThrough262) {
  const std::string profile = GetParam();
  if (!engine_available(profile)) {
    GTEST_SKIP() << profile << " is not installed here (settle engines says so)";
  }
  dir_.write("test262/harness/assert.js",
             "function assert(value, message) { if (value !== true) throw new "
             "Test262Error(message); }\n");
  dir_.write("test262/harness/sta.js",
             "function Test262Error(message) { this.message = message || ''; }\n"
             "Test262Error.prototype.toString = function () { return 'Test262Error: ' + "
             "this.message; };\n");
  dir_.write("test262/harness/doneprintHandle.js",
             "function $DONE(error) {\n"
             "  if (error) print('Test262:AsyncTestFailure:' + String(error));\n"
             "  else print('Test262:AsyncTestComplete');\n"
             "}\n");
  for (const Category& category : kCategories) {
    dir_.write(std::string("test262/test/sandbox/") + category.name + ".js",
               std::string("/*---\ndescription: the sandbox holds (") + category.name +
                   ")\nflags: [async]\n---*/\n" + probe(category, kProbeEndTest262));
  }
  dir_.write("test262/test/sandbox/evalscript-overflow.js", kEvalScriptOverflow);
  dir_.write(
      "test262/test/sandbox/import-secret.js",
      std::string(kImportSecret).insert(std::string(kImportSecret).find("var loaded"), constants_));
  dir_.write("test262/test/sandbox/import-secret-module.js", kImportSecretModule);

  ProcessResult run = settle(
      {"run", "test262/test", "-e", profile, "-j", "1", "--timeout", "60000", "--json", "r.json"},
      dir_.path());
  json report = read_json(dir_.file("r.json"));
  for (const Category& category : kCategories) {
    for (const char* mode : {"#default", "#strict"}) {
      std::string id = std::string("test/sandbox/") + category.name + ".js" + mode;
      const json* record = result_of(report, id);
      ASSERT_NE(record, nullptr) << id << "\n" << run.out << run.err;
      EXPECT_EQ((*record)["status"], "pass")
          << profile << " lets test262 code " << category.name << " (" << mode
          << "): " << (*record)["message"].get<std::string>();
    }
  }
  // An engine whose host cannot take the overflow may end the test with an error; a leak fails it.
  for (const char* mode : {"#default", "#strict"}) {
    const json* record =
        result_of(report, std::string("test/sandbox/evalscript-overflow.js") + mode);
    ASSERT_NE(record, nullptr) << run.out << run.err;
    EXPECT_NE((*record)["status"], "fail") << profile << ": " << (*record)["message"];
  }
  for (const char* mode : {"#default", "#strict"}) {
    const json* record = result_of(report, std::string("test/sandbox/import-secret.js") + mode);
    ASSERT_NE(record, nullptr) << run.out << run.err;
    EXPECT_NE((*record)["status"], "fail") << profile << ": " << (*record)["message"];
  }
  const json* module = result_of(report, "test/sandbox/import-secret-module.js#default");
  ASSERT_NE(module, nullptr) << run.out << run.err;
  if ((*module)["status"] != "skip") {
    EXPECT_EQ((*module)["observed"]["resolution_error"], true)
        << profile << ": " << (*module)["message"];
  }
  expect_nothing_outside_changed(profile);
}

TEST_P(SandboxTest, CallbacksOfARealmThatATest262TestMadeDieWithTheTest) {
  const std::string profile = GetParam();
  // Realms and their FinalizationRegistry are the engine's and its adapter's, never a library's:
  // the engine's own run covers its libraries. On node-current each run waits out the leftover's
  // timeout twice, some 7 s a library.
  if (is_library(profile)) GTEST_SKIP() << "a library changes only the Promise";
  if (!engine_available(profile)) {
    GTEST_SKIP() << profile << " is not installed here (settle engines says so)";
  }
  dir_.write("test262/harness/assert.js", "function assert() {}\n");
  dir_.write("test262/harness/sta.js",
             "function Test262Error(message) { this.message = message; }\n");
  dir_.write("test262/test/leftover/in-another-realm-a.js", kLeftoverInAnotherRealm);
  dir_.write("test262/test/leftover/in-another-realm-next.js", kLeftoverNext);
  ProcessResult run = settle(
      {"run", "test262/test", "-e", profile, "-j", "1", "--timeout", "3000", "--json", "r.json"},
      dir_.path(), {"TMPDIR=" + dir_.path()});
  json report = read_json(dir_.file("r.json"));
  for (const char* mode : {"#default", "#strict"}) {
    const json* record =
        result_of(report, std::string("test/leftover/in-another-realm-next.js") + mode);
    ASSERT_NE(record, nullptr) << run.out << run.err;
    EXPECT_EQ((*record)["status"], "pass") << profile << ": " << (*record)["message"];
  }
  EXPECT_TRUE(processes_naming(dir_.path()).empty())
      << ::testing::PrintToString(processes_naming(dir_.path()));
}

// tests/e2e/sandbox_attacks.json: case code that tries to forge its own result (forge-*: the
// real outcome never matches the expectation, so the case must not pass), to keep what must be
// gone (hold-*: must pass), or to leave a callback that the engine runs after the case has ended
// (leftover-*-a; the innocent leftover-*-next after it must pass).
TEST_P(SandboxTest, CaseCodeCannotForgeItsResultOrOutliveItsCase) {
  const std::string profile = GetParam();
  if (!engine_available(profile)) {
    GTEST_SKIP() << profile << " is not installed here (settle engines says so)";
  }
  dir_.write("cases/attacks.json",
             read_file(std::string(SETTLE_SOURCE_DIR) + "/tests/e2e/sandbox_attacks.json"));
  // A library changes only the Promise, and with it how the subject is read: the forgeries.
  bool library = is_library(profile);
  std::vector<std::string> command = {"run", "cases", "-e", profile, "-j", "1", "--json", "r.json"};
  if (library) command.insert(command.end(), {"--filter", "attacks/forge-*"});
  ProcessResult run = settle(command, dir_.path(), {"TMPDIR=" + dir_.path()});
  json report = read_json(dir_.file("r.json"));
  ASSERT_EQ(report["results"].size(), library ? 25u : 52u) << run.out << run.err;
  for (const json& result : report["results"]) {
    std::string id = result["id"].get<std::string>().substr(std::string("attacks/").size());
    std::string status = result["status"];
    std::string why = profile + " " + id + ": " + status + " " + result["message"].dump();
    if (id.rfind("forge-", 0) == 0) {
      EXPECT_NE(status, "pass") << why << " " << result["observed"].dump();
    } else if (id.rfind("hold-", 0) == 0 ||
               (id.size() > 5 && id.substr(id.size() - 5) == "-next")) {
      EXPECT_EQ(status, "pass") << why << " " << result["observed"].dump();
    }
  }
  EXPECT_TRUE(processes_naming(dir_.path()).empty())
      << ::testing::PrintToString(processes_naming(dir_.path()));
}

INSTANTIATE_TEST_SUITE_P(EveryProfile, SandboxTest, ::testing::ValuesIn(kProfiles),
                         profile_test_name);

TEST(Sandbox, EveryBuiltInProfileIsInTheTable) {
  ProcessResult engines = run_process({settle_binary(), "engines"});
  std::istringstream lines(engines.out);
  std::string line;
  std::vector<std::string> listed;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == ' ') continue;
    listed.push_back(line.substr(0, line.find(' ')));
  }
  std::vector<std::string> table = kProfiles;
  std::sort(listed.begin(), listed.end());
  std::sort(table.begin(), table.end());
  EXPECT_EQ(listed, table) << engines.out;
}

}  // namespace
}  // namespace settle::testing
