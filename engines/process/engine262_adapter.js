// settle's engine262 adapter (after driver_core.js): engine262 (npm @engine262/engine262, ECMA-262
// written in JavaScript) run by node, many cases in one process, each in a fresh realm of a fresh
// agent. Run as `node driver.js NPM_DIR`, NPM_DIR holding @engine262/engine262 (`settle engines --install engine262`).
// Case code runs inside engine262 only: it sees the realm's built-ins and host.js's functions,
// never a function of node.
(function () {
  'use strict';
  var path = require('path');
  var readline = require('readline');

  var npmDir = process.argv[2] || '';
  var kPackage = '@engine262/engine262';

  var e262 = null;
  var packageVersion = '';
  var loadError = null;
  try {
    e262 = require(path.join(npmDir, kPackage));
    packageVersion = require(path.join(npmDir, kPackage, 'package.json')).version;
  } catch (error) {
    loadError = error;
  }

  // An exception of case or prelude code, carried out of engine262 as a host exception.
  function ThrowInRealm(value) {
    this.value = value;
  }

  // The value of an engine262 completion record (or of a plain value); an abrupt one is thrown.
  function unwrap(completion) {
    if (completion instanceof e262.AbruptCompletion) throw new ThrowInRealm(completion.Value);
    if (completion instanceof e262.Completion) return completion.Value;
    return completion;
  }

  // Parses a script for `realm` (the running one); throws its first SyntaxError.
  function parse(realm, source, specifier) {
    var script = e262.ParseScript(source, realm, { specifier: specifier, public: { specifier: specifier } });
    if (Array.isArray(script)) throw new ThrowInRealm(script[0]);
    return script;
  }

  // Runs a parsed script in `realm` (the running one) without draining the job queue:
  // ManagedRealm's evaluateScript drains it, which would run the case's jobs before the subject is
  // observed. A parse tree is never changed by evaluation, so one is run in every realm, each time
  // in a Script Record of that realm.
  function run(realm, script) {
    var record = Object.assign({}, script, { Realm: realm, LoadedModules: [] });
    return e262.EnsureCompletion(e262.ScriptEvaluation(record));
  }

  function builtin(name, length, steps) {
    return e262.CreateBuiltinFunction(steps, length, e262.Value(name), []);
  }

  function dataObject(realm, properties) {
    var object = e262.OrdinaryObjectCreate(realm.Intrinsics['%Object.prototype%']);
    Object.keys(properties).forEach(function (key) {
      unwrap(e262.CreateDataProperty(object, e262.Value(key), properties[key]));
    });
    return object;
  }

  function isPromise(value) {
    return value instanceof e262.ObjectValue && 'PromiseState' in value && 'PromiseResult' in value;
  }

  var lastRealm = null;  // the realm made last, to describe a value thrown in it
  var parsingRealm = null;  // parses the host, preludes and harness files

  // A host exception as text; a value thrown in the realm as `name: message` when both are
  // strings (as the other drivers write an error), else as engine262's inspect writes it.
  function describeAny(error) {
    if (!(error instanceof ThrowInRealm)) return settleDriver.describe(error);
    try {
      return lastRealm.scope(function () {
        var value = error.value;
        if (value instanceof e262.ObjectValue) {
          var name = e262.Get(value, e262.Value('name'));
          var message = e262.Get(value, e262.Value('message'));
          name = name instanceof e262.Completion ? name.Value : name;
          message = message instanceof e262.Completion ? message.Value : message;
          if (name instanceof e262.JSStringValue && message instanceof e262.JSStringValue) {
            return name.stringValue() + ': ' + message.stringValue();
          }
        }
        return e262.inspect(value);
      });
    } catch (e) {
      return 'a value that cannot be described';
    }
  }

  // Runs the agent's jobs until its queue is empty, as engine262's runJobQueue does (one job at a
  // time, each on a fresh execution context, kept objects cleared after each) except for its
  // garbage collection after every job: that walks the whole realm (tens of ms a job) and only ever
  // matters to WeakRef and FinalizationRegistry, so here nothing is collected and every WeakRef
  // stays alive.
  function drainJobs() {
    var agent = e262.surroundingAgent;
    while (agent.jobQueue.length > 0) {
      var entry = agent.jobQueue.shift();
      var context = new e262.ExecutionContext();
      context.Function = e262.Value.null;
      context.Realm = entry.callerRealm;
      context.ScriptOrModule = entry.callerScriptOrModule;
      agent.executionContextStack.push(context);
      var result = entry.job();
      e262.ClearKeptObjects();
      agent.executionContextStack.pop(context);
      if (result instanceof e262.AbruptCompletion) throw new Error('a job completed abruptly');
    }
  }

  // test262's module code and import(): the module map of one case, one record per file of the
  // test's folder (settleDriver.moduleFolder says which a specifier names).
  function moduleLoader(realm, test262) {
    var folder = settleDriver.moduleFolder(test262);
    var map = Object.create(null);
    // A module record, or a throw completion with the file's SyntaxError.
    function parseModule(path, code) {
      var hostDefined = { specifier: path, public: { specifier: path } };
      if (/\.json$/.test(path)) return e262.ParseJSONModule(e262.Value(code), realm, hostDefined);
      var module = e262.ParseModule(code, realm, hostDefined);
      return Array.isArray(module) ? e262.ThrowCompletion(module[0]) : module;
    }
    return {
      // HostLoadImportedModule, for import declarations and import() alike; it finishes at once.
      load: function (specifier, finish) {
        var path;
        try {
          path = folder.resolve(specifier);
        } catch (message) {
          return finish(e262.Throw('Error', 'Raw', message));
        }
        if (!map[path]) {
          var module = parseModule(path, folder.code(path));
          if (module instanceof e262.AbruptCompletion) return finish(module);
          map[path] = module;
        }
        finish(map[path]);
      },
      // The entry module, loaded, linked and evaluated: done(phase, error) once it has settled.
      // ParseModule's records, unlike ManagedRealm's, run no jobs when they evaluate.
      run: function (entry, done) {
        realm.scope(function () {
          var module = parseModule(entry.path, entry.code);
          if (module instanceof e262.AbruptCompletion) return done('parse', new ThrowInRealm(module.Value));
          map[entry.path] = module;
          // Settled already: every file loads at once.
          var loading = module.LoadRequestedModules();
          if (loading.PromiseState === 'rejected') return done('resolution', new ThrowInRealm(loading.PromiseResult));
          var linked = module.Link();
          if (linked instanceof e262.AbruptCompletion) return done('resolution', new ThrowInRealm(linked.Value));
          var evaluation = module.Evaluate();
          if (evaluation instanceof e262.AbruptCompletion) return done('runtime', new ThrowInRealm(evaluation.Value));
          e262.PerformPromiseThen(evaluation instanceof e262.Completion ? evaluation.Value : evaluation,
            builtin('', 1, function () {
              done(null);
              return e262.Value.undefined;
            }),
            builtin('', 1, function (args) {
              done('runtime', new ThrowInRealm(args[0]));
              return e262.Value.undefined;
            }));
        });
      }
    };
  }

  // A fresh agent (so a fresh job queue) and realm with host.js and the user's preludes, seen by
  // the core through functions that enter the realm's scope.
  function newRealm(env, request) {
    var Value = e262.Value;
    var modules = null;
    var agent = new e262.Agent({
      loadImportedModule: function (referrer, specifier, hostDefined, finish) {
        if (modules) modules.load(specifier, finish);
        else finish(e262.Throw('Error', 'Raw', 'settle loads no modules for this case: ' + specifier));
      }
    });
    e262.setSurroundingAgent(agent);
    var api = null;
    // ECMA-262's HostPromiseRejectionTracker, raw, to host.js's tracker (HTML's rule).
    var realm = new e262.ManagedRealm({
      promiseRejectionTracker: function (promise, operation) {
        if (api) callApi('rejectionTracker', [promise, Value(operation)]);
      }
    });
    lastRealm = realm;
    var test262 = request && request.test262;
    if (test262 && test262.folder) modules = moduleLoader(realm, test262);
    function callApi(name, args) {
      return realm.scope(function () {
        return unwrap(e262.Call(unwrap(e262.Get(api, Value(name))), api, args));
      });
    }
    realm.scope(function () {
      var global = realm.GlobalObject;
      env.aliases.forEach(function (alias) {
        unwrap(e262.DefinePropertyOrThrow(global, Value(alias), e262.Descriptor({
          Value: global, Writable: Value.true, Enumerable: Value.false, Configurable: Value.true
        })));
      });
      var installer = unwrap(run(realm, env.host));
      var enqueueJob = builtin('enqueueJob', 1, function (args) {
        var job = args[0] === undefined ? Value.undefined : args[0];
        agent.queueJob('PromiseJobs', function () {
          var result = e262.Call(job, Value.undefined, []);
          if (result instanceof e262.AbruptCompletion && api) {
            // host.js's jobs catch what they call; this is only a safety net.
            e262.Call(unwrap(e262.Get(api, Value('reportUncaught'))), api, [Value('a job'), result.Value]);
          }
          return Value.undefined;
        });
        return Value.undefined;
      });
      // Reads [[PromiseState]] and [[PromiseResult]] directly: observing calls no `then`.
      var promise = dataObject(realm, {
        isPromise: builtin('isPromise', 1, function (args) { return isPromise(args[0]) ? Value.true : Value.false; }),
        state: builtin('state', 1, function (args) { return Value(args[0].PromiseState); }),
        result: builtin('result', 1, function (args) {
          var value = args[0];
          return value.PromiseState === 'pending' || value.PromiseResult === undefined ? Value.undefined : value.PromiseResult;
        })
      });
      var hooks = dataObject(realm, { enqueueJob: enqueueJob, promise: promise, tracksRejections: Value.true });
      api = unwrap(e262.Call(installer, Value.undefined, [global, hooks]));
      env.preludes.forEach(function (prelude) { unwrap(run(realm, prelude)); });
    });
    function valueOf(value) {
      if (value instanceof ThrowInRealm) return value.value;
      return value === undefined ? Value.undefined : value;
    }
    function compile(code, name) {
      return realm.scope(function () { return parse(realm, code, name); });
    }
    function runIn(script) {
      return realm.scope(function () { return unwrap(run(realm, script)); });
    }
    return {
      api: {
        observe: function (value) { callApi('observe', [valueOf(value)]); },
        observeThrow: function (error) { callApi('observeThrow', [valueOf(error)]); },
        observeCompleted: function () { callApi('observeCompleted', []); },
        capturePromise: function () { callApi('capturePromise', []); },
        outlivesCase: function () { return callApi('outlivesCase', []) === Value.true; },
        install262: function () {
          realm.scope(function () {
            var evalScript = builtin('evalScript', 1, function (args) {
              var source = args[0] instanceof e262.JSStringValue ? args[0].stringValue() : '';
              var script = e262.ParseScript(source, realm, { specifier: 'evalScript', public: { specifier: 'evalScript' } });
              if (Array.isArray(script)) return e262.ThrowCompletion(script[0]);
              return run(realm, script);
            });
            callApi('install262', [dataObject(realm, { evalScript: evalScript })]);
          });
        },
        runNextTimer: function () { return callApi('runNextTimer', []) === Value.true; },
        checkpoint: function () { callApi('checkpoint', []); },
        finish: function (names) {
          return realm.scope(function () {
            var watch = unwrap(e262.CreateArrayFromList(names.map(function (name) { return Value(name); })));
            return callApi('finish', [watch]).stringValue();
          });
        }
      },
      modules: modules,
      compile: compile,
      run: runIn,
      string: function (value) { return value.stringValue(); }
    };
  }

  var core = settleDriver.create({
    write: function (line) { process.stdout.write(line + '\n'); },
    version: function () { return 'engine262 ' + packageVersion; },
    host262: ['global', 'evalScript'],
    prepare: function (done) {
      if (!e262) {
        done(kPackage + ' cannot be loaded from ' + (npmDir || '(no folder given)') + ': ' +
          settleDriver.describe(loadError).split('\n')[0] + '; run settle engines --install engine262');
        return;
      }
      if (!parsingRealm) {
        // The parse trees are made in a realm of their own (it only names the realm of a SyntaxError).
        e262.setSurroundingAgent(new e262.Agent({}));
        parsingRealm = new e262.ManagedRealm({});
        lastRealm = parsingRealm;
      }
      done('');
    },
    compile: function (code, name) {
      lastRealm = parsingRealm;
      return parsingRealm.scope(function () { return parse(parsingRealm, code, name); });
    },
    newRealm: newRealm,
    modules: true,
    runModule: function (realm, entry, done) { realm.modules.run(entry, done); },
    drain: function () {
      drainJobs();
      return true;
    },
    describe: describeAny,
    // A host exception out of engine262 while a case ran.
    fault: function (error) {
      if (error instanceof ThrowInRealm) return null;
      if (error instanceof RangeError && /call stack/.test(error.message)) {
        return 'the case exhausted the stack of engine262\'s host (node): ' + settleDriver.describe(error);
      }
      if (error && error.constructor && error.constructor.name === 'AssertError') {
        return 'engine262 failed one of its own assertions (a bug of engine262): ' + error.message;
      }
      return 'engine262 failed: ' + describeAny(error);
    }
  });

  readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on('line', core.receive)
    .on('close', function () { core.whenIdle(function () { process.exit(0); }); });
})();
