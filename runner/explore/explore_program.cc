#include "runner/explore/explore_program.h"

#include <algorithm>
#include <map>

namespace settle {
namespace {

const std::map<StepKind, std::vector<int>>& ranges() {
  // 0 in a reference slot: the range of a reference is not a number of choices.
  static const std::map<StepKind, std::vector<int>> table = {
      {StepKind::kResolved, {4}},         {StepKind::kRejected, {4}},
      {StepKind::kConstruct, {8, 4, 0}},  {StepKind::kChain, {0, 4, 9, 4, 0}},
      {StepKind::kCombinator, {0, 4, 0}}, {StepKind::kAwait, {0, 7, 4}},
      {StepKind::kSubclass, {0, 3}},      {StepKind::kForAwait, {0, 4}},
      {StepKind::kTimer, {0, 3}},         {StepKind::kTry, {5, 4, 0}},
      {StepKind::kResolvers, {4, 4, 0}},  {StepKind::kFinallyCall, {0, 6, 5}},
      {StepKind::kRuler, {0, 4}},
  };
  return table;
}

const char* kSubclassHeader =
    "class SubPromise extends Promise { constructor(executor) { $log(\"SubPromise\"); "
    "super(executor); } }";

bool uses_subclass(const Step& step) {
  switch (step.kind) {
    case StepKind::kSubclass:
      return true;
    case StepKind::kChain:
      return step.args[2] == 7;
    case StepKind::kAwait:
      return step.args[1] == 3;
    default:
      return false;
  }
}

bool defines_promise(StepKind kind) { return kind != StepKind::kTimer; }

class Renderer {
 public:
  explicit Renderer(const Program& program) {
    for (const Step& step : program.steps)
      if (defines_promise(step.kind)) defined_.insert(step.id);
  }

  std::string ref(int id) const {
    return defined_.count(id) ? "p" + std::to_string(id)
                              : "Promise.resolve(" + std::to_string(id) + ")";
  }

  static std::string value(const Step& step, int choice) {
    return std::to_string(step.id * 10 + choice);
  }

  static std::string tag(const Step& step, const std::string& what) {
    return "\"" + std::to_string(step.id) + " " + what + "\"";
  }

  std::string thenable(const Step& step, const std::string& v) const {
    return "{ then: function (resolve) { $log(" + tag(step, "thenable") + "); resolve(" + v +
           "); } }";
  }

  std::string getter_thenable(const Step& step, const std::string& v) const {
    return "{ get then() { $log(" + tag(step, "get then") +
           "); return function (resolve) { resolve(" + v + "); }; } }";
  }

  std::string handler(const Step& step, const std::string& name) const {
    const std::string v = value(step, step.args[3]);
    std::string result;
    switch (step.args[2]) {
      case 0:
        result = "return " + v + ";";
        break;
      case 1:
        result = "throw " + v + ";";
        break;
      case 2:
        result = "return Promise.resolve(" + v + ");";
        break;
      case 3:
        result = "return Promise.reject(" + v + ");";
        break;
      case 4:
        result = "return " + thenable(step, v) + ";";
        break;
      case 5:
        result = "return " + getter_thenable(step, v) + ";";
        break;
      case 6:
        result = "return " + ref(step.args[4]) + ";";
        break;
      case 7:
        result = "return SubPromise.resolve(" + v + ");";
        break;
      default:
        result = "";
        break;
    }
    return "function (v) { $log([" + tag(step, name) + ", v]); " + result + " }";
  }

  std::string line(const Step& step) const {
    const std::string var = "var p" + std::to_string(step.id) + " = ";
    const auto& a = step.args;
    switch (step.kind) {
      case StepKind::kResolved:
        return var + "Promise.resolve(" + value(step, a[0]) + ");";
      case StepKind::kRejected:
        return var + "Promise.reject(" + value(step, a[0]) + ");";
      case StepKind::kConstruct: {
        const std::string v = value(step, a[1]);
        static const char* bodies[] = {
            "resolve(@V);",
            "reject(@V);",
            "setTimeout(function () { $log(@T); resolve(@V); }, 0);",
            "setTimeout(function () { $log(@T); reject(@V); }, 0);",
            "resolve(@R);",
            "Promise.resolve().then(function () { $log(@T); resolve(@V); });",
            "resolve(@H);",
            "resolve(@V); reject(0); throw 1;",
        };
        std::string body = bodies[a[0]];
        auto put = [&body](const std::string& key, const std::string& text) {
          auto at = body.find(key);
          if (at != std::string::npos) body.replace(at, key.size(), text);
        };
        put("@V", v);
        put("@T", tag(step, "later"));
        put("@R", ref(a[2]));
        put("@H", thenable(step, v));
        return var + "new Promise(function (resolve, reject) { $log(" + tag(step, "executor") +
               "); " + body + " });";
      }
      case StepKind::kChain: {
        static const char* methods[] = {"then", "catch", "finally", "then"};
        std::string call = ref(a[0]) + "." + methods[a[1]] + "(" + handler(step, methods[a[1]]);
        if (a[1] == 3) call += ", " + handler(step, "onRejected");
        return var + call + ");";
      }
      case StepKind::kCombinator: {
        static const char* methods[] = {"all", "allSettled", "any", "race"};
        return var + "Promise." + methods[a[1]] + "([" + ref(a[0]) + ", " + ref(a[2]) + "]);";
      }
      case StepKind::kAwait: {
        const std::string v = value(step, a[2]);
        std::string awaited;
        switch (a[1]) {
          case 0:
            awaited = v;
            break;
          case 1:
            awaited = ref(a[0]);
            break;
          case 2:
            awaited = thenable(step, v);
            break;
          case 3:
            awaited = "SubPromise.resolve(" + v + ")";
            break;
          case 4:
            awaited = getter_thenable(step, v);
            break;
          case 6:
            // A native promise whose constructor is not %Promise%: Await must wrap it.
            awaited =
                "(function (q) { q.constructor = Object; return q; })(Promise.resolve(" + v + "))";
            break;
          default:
            awaited = "";
        }
        std::string body = a[1] == 5 ? "return " + ref(a[0]) + ";"
                                     : "var x = await " + awaited + "; $log([" +
                                           tag(step, "awaited") + ", x]); return x;";
        return var + "(async function () { $log(" + tag(step, "start") + "); " + body + " })();";
      }
      case StepKind::kSubclass: {
        static const char* forms[] = {
            "SubPromise.resolve(@R)",
            "new SubPromise(function (resolve) { resolve(@R); })",
            "SubPromise.resolve(@R).then(function (v) { $log([@T, v]); return v; })",
        };
        std::string form = forms[a[1]];
        auto at = form.find("@R");
        form.replace(at, 2, ref(a[0]));
        at = form.find("@T");
        if (at != std::string::npos) form.replace(at, 2, tag(step, "then"));
        return var + form + ";";
      }
      case StepKind::kForAwait:
        return var + "(async function () { for await (var x of [" + ref(a[0]) + ", " +
               value(step, a[1]) + "]) $log([" + tag(step, "for await") + ", x]); })();";
      case StepKind::kTimer:
        return "setTimeout(function () { $log(" + tag(step, "timer") + "); " + ref(a[0]) +
               ".then(function (v) { $log([" + tag(step, "late") + ", v]); }); }, " +
               std::to_string(a[1]) + ");";
      case StepKind::kTry: {
        const std::string v = value(step, a[1]);
        const std::string results[] = {
            "return " + v + ";", "throw " + v + ";", "return " + ref(a[2]) + ";",
            "return " + thenable(step, v) + ";", "return Promise.reject(" + v + ");"};
        return var + "Promise.try(function () { $log(" + tag(step, "try") + "); " + results[a[0]] +
               " });";
      }
      case StepKind::kFinallyCall:
        return finally_call(step);
      case StepKind::kRuler: {
        // a[1] + 1 ticks; the first also on rejection, so that the ruler runs whatever pJ does.
        auto tick = [&step](int n) {
          return "function () { $log(" + tag(step, "tick " + std::to_string(n)) + "); }";
        };
        std::string chain = ref(a[0]) + ".then(" + tick(1) + ", " + tick(1) + ")";
        for (int n = 2; n <= a[1] + 1; ++n) chain += ".then(" + tick(n) + ")";
        return var + chain + ";";
      }
      case StepKind::kResolvers: {
        const std::string r = "r" + std::to_string(step.id);
        const std::string v = value(step, a[1]);
        const std::string settles[] = {r + ".resolve(" + v + ");", r + ".reject(" + v + ");",
                                       "setTimeout(function () { $log(" + tag(step, "later") +
                                           "); " + r + ".resolve(" + v + "); }, 0);",
                                       r + ".resolve(" + ref(a[2]) + ");"};
        return "var " + r + " = Promise.withResolvers(); " + settles[a[0]] + " " + var + r +
               ".promise;";
      }
    }
    return "";
  }

  // finally on what a library or a mutant may treat differently from the spec: what it passes to
  // then, whether it checks this, how it constructs, and the this and arguments of onFinally.
  std::string finally_call(const Step& step) const {
    const auto& a = step.args;
    const std::string v = value(step, 0);
    const std::string fresh = "Promise.resolve(" + v + ")";
    std::string receiver;
    switch (a[1]) {
      case 0:
        receiver = ref(a[0]);
        break;
      case 1:
        receiver = "{ then: function (f, r) { $log([" + tag(step, "then got") +
                   ", typeof f, typeof r, f && f.length, f && f.name]); return " + ref(a[0]) +
                   ".then(f, r); } }";
        break;
      case 2:
        receiver = "1";
        break;
      case 3:
        receiver = "(function (q) { q.then = function (f, r) { $log([" + tag(step, "own then") +
                   ", typeof f]); return Promise.prototype.then.call(q, f, r); }; return q; })(" +
                   fresh + ")";
        break;
      case kFinallySpeciesReceiver:
        receiver = "(function (q) { function C(executor) { $log(" + tag(step, "C") +
                   "); return new Promise(executor); } C.resolve = function (x) { $log(" +
                   tag(step, "C.resolve") +
                   "); return Promise.resolve(x); }; C[Symbol.species] = "
                   "C; q.constructor = C; return q; })(" +
                   fresh + ")";
        break;
      default:
        receiver = "Promise.reject(" + v + ")";
        break;
    }
    const std::string w = value(step, 1);
    std::string on_finally;
    switch (a[2]) {
      case 0:
        on_finally = "function () { 'use strict'; $log([" + tag(step, "onFinally") +
                     ", typeof this, arguments.length]); return " + w + "; }";
        break;
      case 1:
        on_finally = "function () { $log(" + tag(step, "onFinally") + "); throw " + w + "; }";
        break;
      case 2:
        on_finally = w;  // not callable: then gets it as it is
        break;
      case 3:
        on_finally = "function () { $log(" + tag(step, "onFinally") + "); return Promise.reject(" +
                     w + "); }";
        break;
      default:
        on_finally = "function () { $log(" + tag(step, "onFinally") + "); return " +
                     thenable(step, w) + "; }";
        break;
    }
    const std::string var = "p" + std::to_string(step.id);
    return "var " + var + "; try { " + var + " = Promise.prototype.finally.call(" + receiver +
           ", " + on_finally + "); } catch (e) { $log([" + tag(step, "finally threw") +
           ", e instanceof TypeError]); " + var + " = " + fresh + "; }";
  }

 private:
  std::set<int> defined_;
};

}  // namespace

const std::vector<int>& arg_ranges(StepKind kind) { return ranges().at(kind); }

bool is_reference(StepKind kind, std::size_t index) {
  return index < arg_ranges(kind).size() && arg_ranges(kind)[index] == 0;
}

const char* kind_feature(StepKind kind) {
  switch (kind) {
    case StepKind::kAwait:
      return "async-functions";
    case StepKind::kSubclass:
      return "class";
    case StepKind::kForAwait:
      return "async-iteration";
    case StepKind::kTry:
      return "promise-try";
    case StepKind::kResolvers:
      return "promise-with-resolvers";
    default:
      return nullptr;
  }
}

std::set<std::string> program_features(const Program& program) {
  std::set<std::string> features;
  for (const Step& step : program.steps) {
    if (const char* feature = kind_feature(step.kind)) features.insert(feature);
    if (uses_subclass(step)) features.insert("class");
    if (step.kind == StepKind::kForAwait) features.insert("async-functions");
    if (step.kind == StepKind::kFinallyCall && step.args[1] == kFinallySpeciesReceiver)
      features.insert("Symbol.species");
  }
  return features;
}

std::vector<std::string> render(const Program& program) {
  Renderer renderer(program);
  std::vector<std::string> lines;
  if (std::any_of(program.steps.begin(), program.steps.end(), uses_subclass))
    lines.push_back(kSubclassHeader);
  int last = -1;
  for (const Step& step : program.steps) {
    lines.push_back(renderer.line(step));
    if (defines_promise(step.kind)) last = step.id;
  }
  lines.push_back(last < 0 ? "undefined;" : "p" + std::to_string(last) + ";");
  return lines;
}

std::set<std::string> step_parts(const Step& step) {
  static const char* chain_methods[] = {"then", "catch", "finally", "then2"};
  static const char* combinators[] = {"all", "allSettled", "any", "race"};
  static const std::map<StepKind, const char*> kinds = {{StepKind::kAwait, "await"},
                                                        {StepKind::kSubclass, "subclass"},
                                                        {StepKind::kForAwait, "for-await"},
                                                        {StepKind::kTimer, "timer"},
                                                        {StepKind::kConstruct, "construct"},
                                                        {StepKind::kTry, "try"},
                                                        {StepKind::kResolvers, "withResolvers"},
                                                        {StepKind::kFinallyCall, "finally-call"}};
  std::set<std::string> parts;
  if (step.kind == StepKind::kChain) {
    parts.insert(chain_methods[step.args[1]]);
  } else if (step.kind == StepKind::kCombinator) {
    parts.insert(combinators[step.args[1]]);
  } else if (auto named = kinds.find(step.kind); named != kinds.end()) {
    parts.insert(named->second);
  }
  if (uses_subclass(step)) parts.insert("subclass");
  return parts;
}

std::set<std::string> program_parts(const Program& program) {
  std::set<std::string> parts;
  for (const Step& step : program.steps) {
    const std::set<std::string> own = step_parts(step);
    parts.insert(own.begin(), own.end());
  }
  return parts;
}

Program without_part(const Program& program, const std::string& part) {
  Program rest;
  for (const Step& step : program.steps)
    if (!step_parts(step).count(part)) rest.steps.push_back(step);
  return rest;
}

std::string program_shape(const Program& program) {
  std::string shape;
  for (const std::string& part : program_parts(program)) shape += (shape.empty() ? "" : "+") + part;
  return shape.empty() ? "resolve" : shape;
}

}  // namespace settle
