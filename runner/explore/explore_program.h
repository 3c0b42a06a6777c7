#pragma once

#include <set>
#include <string>
#include <vector>

namespace settle {

// A generated promise program (`settle explore`): a list of steps, each one statement, rendered to
// JavaScript with every job logged by `$log`. A step's arguments are small integers whose 0 is the
// simplest choice, so that the reducer simplifies a step by lowering its arguments.
enum class StepKind {
  kResolved,    // var pK = Promise.resolve(v)
  kRejected,    // var pK = Promise.reject(v)
  kConstruct,   // var pK = new Promise(executor), settled now or later
  kChain,       // var pK = pJ.then/catch/finally(handler)
  kCombinator,  // var pK = Promise.all/allSettled/any/race([pI, pJ])
  kAwait,       // var pK = (async function () { await x })()
  kSubclass,    // var pK = SubPromise.resolve(pJ) / new SubPromise / pJ.then with species
  kForAwait,    // var pK = (async function () { for await (x of [pJ, v]) ... })()
  kTimer,       // setTimeout(function () { pJ.then(...) }, ms)
  kTry,         // var pK = Promise.try(function () { return/throw ... })
  kResolvers,   // var rK = Promise.withResolvers(); rK.resolve/reject now or later; pK = rK.promise
  kFinallyCall,  // var pK = Promise.prototype.finally.call(receiver, onFinally): an observing
                 // thenable, a non-object, a promise with its own then or constructor; a
                 // non-callable or strict onFinally (a TypeError thrown is logged)
  kRuler,        // var pK = pJ.then(tick 1, tick 1).then(tick 2)...: logged ticks beside the other
                 // steps, so that a settlement some ticks early or late shows in the log order
};

struct Step {
  StepKind kind = StepKind::kResolved;
  int id = 0;  // the step's variable is p<id>; ids are unique in a program and never reused
  std::vector<int> args;

  bool operator==(const Step& other) const {
    return kind == other.kind && id == other.id && args == other.args;
  }
};

struct Program {
  std::vector<Step> steps;
  bool operator==(const Program& other) const { return steps == other.steps; }
};

// The kFinallyCall receiver whose constructor has its own Symbol.species (args[1]).
inline constexpr int kFinallySpeciesReceiver = 4;

// The number of choices for each argument of a kind: argument i takes 0 .. arg_ranges(kind)[i]-1.
// An argument that names an earlier step holds that step's id (its range is 0).
const std::vector<int>& arg_ranges(StepKind kind);
// Whether argument `index` of `kind` names an earlier step.
bool is_reference(StepKind kind, std::size_t index);

// The test262 feature an engine needs for a step of this kind at all (async-functions for kAwait,
// promise-try for kTry, ...), or null. Some arguments need more (program_features).
const char* kind_feature(StepKind kind);

// The test262 feature names the program needs (class, async-functions, ...).
std::set<std::string> program_features(const Program& program);

// The program as lines of JavaScript; its completion value (the case's subject) is the last
// step's promise. A reference to a step that is not there (the reducer removed it) renders as
// Promise.resolve(<id>).
std::vector<std::string> render(const Program& program);

// What one step exercises ({"finally"}; {"then", "subclass"} for a then with a subclass result),
// and the whole program, a word for each: {"await", "finally"}.
std::set<std::string> step_parts(const Step& step);
std::set<std::string> program_parts(const Program& program);
// The program without every step that exercises `part`.
Program without_part(const Program& program, const std::string& part);
// Its parts joined ("await+finally"; "resolve" for none), for finding names.
std::string program_shape(const Program& program);

}  // namespace settle
