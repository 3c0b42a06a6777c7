// test262 module code on jsc, end to end. jsc's module loader reads the file a key names, so its
// driver writes a case's modules into a scratch folder that settle gives each jsc process: a
// specifier leaving the test's folder must be a resolution error with no file outside opened, and
// no module file may outlive its case, even one that times out.
#include <sys/inotify.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "settle_cli.h"
#include "spawned.h"

namespace settle::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kHarness = std::string(SETTLE_SOURCE_DIR) + "/tests/test262/harness/";

// The names of files opened in a folder from the moment the watch starts (inotify).
class OpenWatch {
 public:
  explicit OpenWatch(const std::string& folder) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0 || inotify_add_watch(fd_, folder.c_str(), IN_OPEN | IN_ACCESS) < 0) {
      ADD_FAILURE() << "cannot watch " << folder;
    }
  }
  ~OpenWatch() {
    if (fd_ >= 0) close(fd_);
  }
  OpenWatch(const OpenWatch&) = delete;
  OpenWatch& operator=(const OpenWatch&) = delete;

  std::set<std::string> opened() {
    alignas(inotify_event) char buffer[65536];
    ssize_t n;
    while ((n = read(fd_, buffer, sizeof buffer)) > 0) {
      for (char* at = buffer; at < buffer + n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(at);
        if (event->len > 0 && !(event->mask & IN_ISDIR)) opened_.insert(event->name);
        at += sizeof(inotify_event) + event->len;
      }
    }
    return opened_;
  }

 private:
  int fd_;
  std::set<std::string> opened_;
};

class JscModules : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!engine_available("jsc")) GTEST_SKIP() << "jsc is not installed";
    for (const char* name : {"assert.js", "sta.js", "doneprintHandle.js"}) {
      dir_.write(std::string("test262/harness/") + name, read_file(kHarness + name));
    }
    fs::create_directories(dir_.file("tmp"));
  }

  // The regular files under the run's temporary folder, by path: their text.
  std::map<std::string, std::string> temporary_files() const {
    std::map<std::string, std::string> files;
    std::error_code error;
    for (fs::recursive_directory_iterator it(dir_.file("tmp"), error), end; !error && it != end;
         it.increment(error)) {
      if (it->is_regular_file(error)) files[it->path().string()] = read_file(it->path().string());
    }
    return files;
  }

  TempDir dir_;
};

const char* const kOutside = "export var secret = 'OUTSIDE';\n";

const char* const kRelative = R"js(/*---
description: a static import leaving the folder
flags: [module]
---*/
import { inside } from './inside_FIXTURE.js';
import { secret } from '../outside_FIXTURE.js';
)js";

const char* const kAbsolute = R"js(/*---
description: a static import of an absolute path
flags: [module]
---*/
import { secret } from 'SECRET_PATH';
)js";

// import() from a script: each specifier rejects with an Error of the test's own realm.
const char* const kDynamic = R"js(/*---
description: import() leaving the folder
flags: [async]
features: [dynamic-import]
---*/
var specifiers = ['../outside_FIXTURE.js', './../outside_FIXTURE.js', 'SECRET_PATH', 'file://SECRET_PATH'];
Promise.all(specifiers.map(function (specifier) {
  return import(specifier).then(function () {
    throw new Test262Error('loaded ' + specifier);
  }, function (error) {
    assert.sameValue(error.constructor, Error, specifier);
  });
})).then(function () {
  return import('./inside_FIXTURE.js');
}).then(function (ns) {
  assert.sameValue(ns.inside, 1);
}).then($DONE, $DONE);
)js";

std::string with_secret(std::string text, const std::string& secret) {
  for (auto at = text.find("SECRET_PATH"); at != std::string::npos; at = text.find("SECRET_PATH"))
    text.replace(at, 11, secret);
  return text;
}

TEST_F(JscModules, ASpecifierLeavingTheFolderIsAResolutionErrorAndNoFileOutsideIsOpened) {
  std::string secret = dir_.write("secret/secret.mjs", kOutside);
  dir_.write("test262/test/outside_FIXTURE.js", kOutside);
  dir_.write("test262/test/deep/inside_FIXTURE.js", "export var inside = 1;\n");
  dir_.write("test262/test/deep/relative.js", kRelative);
  dir_.write("test262/test/deep/absolute.js", with_secret(kAbsolute, secret));
  dir_.write("test262/test/deep/dynamic.js", with_secret(kDynamic, secret));
  OpenWatch outside(dir_.file("test262/test"));
  OpenWatch secrets(dir_.file("secret"));

  ProcessResult run = settle({"run", "test262/test/deep", "--test262-dir", "test262", "-e", "jsc",
                              "-j", "1", "--json", "r.json"},
                             dir_.path(), {"TMPDIR=" + dir_.file("tmp")});
  json report = read_json(dir_.file("r.json"));
  for (const char* id : {"test/deep/relative.js#default", "test/deep/absolute.js#default"}) {
    SCOPED_TRACE(id);
    EXPECT_EQ(status_in(report, id, "jsc"), "fail") << run.out << run.err;
    for (const json& record : report["results"]) {
      if (record["id"] != id) continue;
      EXPECT_EQ(record["observed"]["resolution_error"], true) << record.dump();
      EXPECT_TRUE(contains(record["message"], "in the test's folder")) << record["message"];
    }
  }
  EXPECT_EQ(status_in(report, "test/deep/dynamic.js#default", "jsc"), "pass") << run.out;
  EXPECT_EQ(status_in(report, "test/deep/dynamic.js#strict", "jsc"), "pass") << run.out;
  EXPECT_EQ(outside.opened().count("outside_FIXTURE.js"), 0u);
  EXPECT_EQ(secrets.opened().count("secret.mjs"), 0u);
  EXPECT_TRUE(temporary_files().empty());

  // The watch sees an open when there is one.
  read_file(secret);
  EXPECT_EQ(secrets.opened().count("secret.mjs"), 1u);
}

// The driver's steps run inside the loader, in the case's realm: a method they looked up on a value
// of that realm (fetch.apply) would hand case code the driver's own objects.
TEST_F(JscModules, TheLoaderStepsHandCaseCodeNothingThroughReplacedMethods) {
  dir_.write("test262/test/m/value_FIXTURE.js", "export var value = 1;\n");
  dir_.write("test262/test/m/replaced.js", R"js(/*---
description: apply and call replaced before an import
flags: [module, async]
features: [dynamic-import]
---*/
var foreign = 0;
var realApply = Reflect.apply;
var slice = Array.prototype.slice;
function note(values) {
  for (var i = 0; i < values.length; i++) {
    var v = values[i];
    if ((typeof v === 'object' || typeof v === 'function') && v !== null && !(v instanceof Object)) foreign++;
  }
}
Function.prototype.apply = function (thisArg, args) {
  note([this, thisArg, args]);
  return realApply(this, thisArg, args == null ? [] : args);
};
Function.prototype.call = function (thisArg) {
  var args = realApply(slice, arguments, [1]);
  note([this, thisArg]);
  note(args);
  return realApply(this, thisArg, args);
};
import('./value_FIXTURE.js').then(function (ns) {
  assert.sameValue(ns.value, 1);
  assert.sameValue(foreign, 0, 'objects of another realm');
}).then($DONE, $DONE);
)js");
  ProcessResult run =
      settle({"run", "test262/test/m", "--test262-dir", "test262", "-e", "jsc", "--json", "r.json"},
             dir_.path(), {"TMPDIR=" + dir_.file("tmp")});
  json report = read_json(dir_.file("r.json"));
  EXPECT_EQ(status_in(report, "test/m/replaced.js#default", "jsc"), "pass") << run.out << run.err;
}

TEST_F(JscModules, NoModuleFileOutlivesItsCaseEvenOneThatTimesOut) {
  dir_.write("test262/test/m/first_FIXTURE.js", "export var first = 'FIRST-CASE';\n");
  dir_.write("test262/test/m/second_FIXTURE.js", "export var second = 'SECOND-CASE';\n");
  // Run in id order, on one worker: a-first, then b-loops in the same jsc process.
  dir_.write(
      "test262/test/m/a-first.js",
      "/*---\ndescription: x\nflags: [module]\n---*/\n"
      "import { first } from './first_FIXTURE.js';\nassert.sameValue(first, 'FIRST-CASE');\n");
  dir_.write("test262/test/m/b-loops.js",
             "/*---\ndescription: x\nflags: [module]\n---*/\n"
             "import { second } from './second_FIXTURE.js';\nwhile (second) {}\n");

  Spawned run({settle_binary(), "run", "test262/test/m", "--test262-dir", "test262", "-e", "jsc",
               "-j", "1", "--timeout", "3000", "--json", "r.json"},
              dir_.path(), {"TMPDIR=" + dir_.file("tmp")});
  // While b-loops runs, the scratch folder holds its modules and nothing of a-first's.
  std::map<std::string, std::string> during;
  auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < give_up) {
    during = temporary_files();
    bool looping = false;
    for (const auto& [path, text] : during) looping = looping || contains(text, "SECOND-CASE");
    if (looping) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  int status = run.wait();
  std::size_t modules = 0;
  for (const auto& [path, text] : during) {
    if (contains(path, "/scratch-")) ++modules;
    EXPECT_FALSE(contains(text, "FIRST-CASE")) << path << " outlived a-first.js";
  }
  EXPECT_EQ(modules, 2u) << "b-loops.js and its fixture";

  EXPECT_EQ(status, 1) << run.out() << run.err();
  json report = read_json(dir_.file("r.json"));
  EXPECT_EQ(status_in(report, "test/m/a-first.js#default", "jsc"), "pass") << run.out();
  EXPECT_EQ(status_in(report, "test/m/b-loops.js#default", "jsc"), "timeout") << run.out();
  std::vector<std::string> left;
  for (const auto& entry : fs::recursive_directory_iterator(dir_.file("tmp"))) {
    left.push_back(entry.path().string());
  }
  EXPECT_TRUE(left.empty()) << ::testing::PrintToString(left);
}

}  // namespace
}  // namespace settle::testing
