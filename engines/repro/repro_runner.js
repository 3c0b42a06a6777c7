// The body of a script that `settle repro` writes: it runs one case as settle's drivers do, but
// in the engine's own shell with no driver, and prints the observation in the report notation.
// ES5, feature-detecting the shell: its print (print or console.log), how it runs promise jobs
// (settle's own Promise on Duktape, drainJobQueue on SpiderMonkey, drainMicrotasks on jsc, else
// the jobs run before the shell's next macrotask: setImmediate or setTimeout). Called with the
// global object and the parts settle wrote: the host prelude, settle's Promise where the shell
// has none, the aliases, preludes and harness files, and the case.
(function (global, parts) {
  'use strict';
  var evalGlobal = global.eval;
  var console_ = global.console;
  var out = typeof global.print === 'function' ? global.print
      : function (line) { console_.log(line); };
  var drainJobQueue = global.drainJobQueue || global.drainMicrotasks;
  var macrotask = global.setImmediate || global.setTimeout;
  var NativePromise = global.Promise;
  var shellEnqueue = (global.HermesInternal && global.HermesInternal.enqueueJob) || global.enqueueJob;

  // settle's own job queue: where settle's Promise is installed, or where the shell runs no jobs
  // and has no macrotask (duk, whose library profiles schedule on the host's timers).
  var jobs = parts.installPromise || (!drainJobQueue && !macrotask) ? [] : null;
  var nativePromise = null;
  if (parts.installPromise) {
    nativePromise = evalGlobal(parts.installPromise)(global, {
      enqueueJob: function (job) { jobs.push(job); },
      slots: { record: typeof Symbol === 'function' ? Symbol('PromiseSlots') : '__settlePromiseSlots' }
    });
  }
  function enqueueJob(job) {
    if (jobs) jobs.push(job);
    else if (shellEnqueue) shellEnqueue(function () { job(); });
    else NativePromise.resolve().then(function () { job(); });
  }
  var host = evalGlobal(parts.host)(global, { enqueueJob: enqueueJob, promise: nativePromise });

  for (var a = 0; a < parts.aliases.length; a++) global[parts.aliases[a]] = global;
  for (var p = 0; p < parts.preludes.length; p++) evalGlobal(parts.preludes[p]);
  host.capturePromise();
  if (parts.test262) host.install262({ evalScript: function (code) { return evalGlobal(code); } });
  for (var h = 0; h < parts.harness.length; h++) evalGlobal(parts.harness[h]);

  try {
    var completion = evalGlobal(parts.code);
    if (parts.test262) host.observeCompleted();
    else host.observe(completion);
  } catch (error) {
    host.observeThrow(error);
  }

  function runJobs() {
    if (jobs) {
      for (var i = 0; i < jobs.length; i++) {
        try {
          jobs[i]();
        } catch (error) {
          host.reportUncaught('a job', error);
        }
      }
      jobs.length = 0;
    } else {
      drainJobQueue();
    }
  }
  function finish() {
    out(host.finish(parts.watched));
  }
  if (jobs || drainJobQueue) {
    do runJobs(); while (host.runNextTimer() || (jobs && jobs.length));
    finish();
  } else {
    // The shell runs every job before its next macrotask, so each step sees the queue empty.
    var step = function () {
      if (host.runNextTimer()) macrotask(step, 0);
      else finish();
    };
    macrotask(step, 0);
  }
})
