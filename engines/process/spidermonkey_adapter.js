// settle's SpiderMonkey adapter (after driver_core.js), for the js102 shell: many cases in one
// process, each in a fresh global of its own compartment (newGlobal).
(function () {
  'use strict';

  // The names a case's global keeps: the language's built-ins. Every shell function that newGlobal
  // adds (os, read, snarf, redirect, system, evaluate, print, ...) is deleted.
  var kStandardGlobals = [
    'globalThis', 'Infinity', 'NaN', 'undefined', 'eval', 'isFinite', 'isNaN', 'parseFloat',
    'parseInt', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape',
    'unescape', 'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
    'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry',
    'Float32Array', 'Float64Array', 'Function', 'Int8Array', 'Int16Array', 'Int32Array', 'Map',
    'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'RegExp', 'Set',
    'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError', 'TypeError', 'Uint8Array',
    'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'URIError', 'WeakMap', 'WeakRef', 'WeakSet',
    'Atomics', 'JSON', 'Math', 'Reflect', 'Intl', 'InternalError', 'WebAssembly'
  ];
  var keep = {};
  kStandardGlobals.forEach(function (name) { keep[name] = true; });
  var shellGc = gc;
  var shellDetach = detachArrayBuffer;
  var shellParse = parse;
  var shellEnqueueJob = enqueueJob;
  var shellDrainJobQueue = drainJobQueue;
  var shellPrint = print;
  var shellObjectGlobal = objectGlobal;

  if (typeof ignoreUnhandledRejections === 'function') ignoreUnhandledRejections();

  // The shell's module loader reads whatever file a specifier names that is not in its registry
  // (one per global), and the shell has no switch to turn it off; it runs in a job, after import()
  // has returned. So settle gives the loader only what it has registered: a test262 case's modules
  // are parsed from the folder's files that settle sent, each registered under an absolute key,
  // and their specifiers are rewritten to those keys once checked (./name in the test's folder,
  // as on node). import() in that code is rewritten to a call of kImportName, which checks the
  // specifier the same way before the real import() of a key. Every other script compiled in the
  // case's realm (eval and Function code, and all code of a case without modules) is looked at
  // before it runs: one that calls import() throws as soon as any of its code is entered, before
  // the call can queue the load.
  var reflectParse = Reflect.parse;
  var kImportName = '\u0131mport';  // dotless i: as long as `import`, and no case code's name

  // The parse tree of a script (or a module); null when it does not parse here.
  function parseTree(text, module) {
    try {
      return reflectParse(text, module ? { target: 'module' } : {});
    } catch (error) {
      return null;
    }
  }

  // The nodes of a parse tree for which pick(node) is true.
  function findNodes(tree, pick) {
    var found = [];
    var pending = [tree];
    while (pending.length > 0) {
      var node = pending.pop();
      if (pick(node)) found.push(node);
      for (var key in node) {
        var value = node[key];
        if (value !== null && typeof value === 'object') pending.push(value);
      }
    }
    return found;
  }

  function isCallImport(node) { return node.type === 'CallImport'; }

  function callsImport(text) {
    if (!/\bimport\b/.test(text)) return false;
    // Not a script: a module (settle's own, already rewritten), or too deep to parse here.
    var tree = parseTree(text, false) || parseTree(text, true);
    return !tree || findNodes(tree, isCallImport).length > 0;
  }

  // Where a parse tree's line and column (in code points) are in text; -1 if they are not.
  function offsetOf(text, position) {
    var line = 1;
    var i = 0;
    while (line < position.line) {
      var c = text.charAt(i++);
      if (c === '') return -1;
      if (c === '\r' && text.charAt(i) === '\n') i++;
      if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') line++;
    }
    for (var column = 0; column < position.column; column++) {
      var unit = text.charCodeAt(i++);
      if (unit >= 0xd800 && unit < 0xdc00) i++;
    }
    return i <= text.length ? i : -1;
  }

  // text with its import() calls made calls of kImportName, and each static import's specifier
  // replaced by keyOf(specifier) (which throws for one that settle does not load). Throws when
  // the parse tree's positions do not point at the code they name.
  function rewrite(text, module, keyOf) {
    var tree = parseTree(text, module);
    if (!tree) throw new Error('SpiderMonkey\'s Reflect.parse did not parse it');
    var edits = findNodes(tree, isCallImport).map(function (node) {
      return { loc: node.ident.loc, expect: 'import', text: kImportName };
    });
    findNodes(tree, function (node) { return node.type === 'ModuleRequest'; }).forEach(function (node) {
      edits.push({ loc: node.source.loc, text: JSON.stringify(keyOf(node.source.value)) });
    });
    edits.forEach(function (edit) {
      edit.start = offsetOf(text, edit.loc.start);
      edit.end = offsetOf(text, edit.loc.end);
      var found = text.slice(edit.start, edit.end);
      if (edit.start < 0 || (edit.expect ? found !== edit.expect : !/^['"]/.test(found))) {
        throw new Error('settle could not find an import in its source');
      }
    });
    edits.sort(function (a, b) { return b.start - a.start; });
    edits.forEach(function (edit) { text = text.slice(0, edit.start) + edit.text + text.slice(edit.end); });
    return text;
  }

  // The module map of one test262 case, in its realm: one instance per file, registered with the
  // shell's loader under '/' + the file's path. A specifier resolves to a file of the test's
  // folder (./name), never outside it: test262 imports nothing else.
  function moduleLoader(global, test262, shell) {
    var files = test262.files || {};
    var folder = test262.path.slice(0, test262.path.lastIndexOf('/') + 1);
    var hasOwn = Object.prototype.hasOwnProperty;
    var map = {};
    var entryCode = null;
    function resolve(specifier) {
      var name = String(specifier);
      if (name.slice(0, 2) !== './' || name.length === 2 || name.indexOf('/', 2) !== -1) {
        throw new global.Error('settle resolves only ./name, in the test\'s folder: ' + name);
      }
      var path = folder + name.slice(2);
      if (path !== test262.path && !hasOwn.call(files, path)) {
        throw new global.Error('no module ' + name + ' in ' + folder);
      }
      return path;
    }
    // The module of path, parsed (its own SyntaxError when it does not parse, at its own phase)
    // and registered with the modules it imports.
    function load(path) {
      if (hasOwn.call(map, path)) return map[path];
      var code = path === test262.path && entryCode !== null ? entryCode : files[path];
      shell.parseModule(code);
      var imports = [];
      var rewritten = rewrite(code, true, function (specifier) {
        var imported = resolve(specifier);
        imports.push(imported);
        return '/' + imported;
      });
      var module = shell.parseModule(rewritten);
      shell.registerModule('/' + path, module);
      map[path] = module;
      imports.forEach(load);
      return module;
    }
    // kImportName's work: the key of the module a specifier names, loaded.
    function prepareImport(specifier) {
      var path = resolve(specifier);
      load(path);
      return '/' + path;
    }
    return {
      prepareImport: prepareImport,
      // Script code, with its import() calls rewritten.
      script: function (code) {
        return callsImport(code) ? rewrite(code, false, null) : code;
      },
      // The entry module, linked and evaluated: done(phase, error) once it has settled.
      run: function (entry, done) {
        var module;
        try {
          shell.parseModule(entry.code);
        } catch (error) {
          return done('parse', error);
        }
        try {
          entryCode = entry.code;
          module = load(entry.path);
          module.declarationInstantiation();
        } catch (error) {
          return done('resolution', error);
        }
        var evaluation;
        try {
          evaluation = module.evaluation();
        } catch (error) {
          return done('runtime', error);
        }
        shell.addPromiseReactions(evaluation, function () { done(null); }, function (error) { done('runtime', error); });
      }
    };
  }

  // kImportName in the realm, made by its own code so that case code can reach no function of
  // the driver through it; import() of a key that prepare has loaded reads no file.
  var kImportFactory = '(function (prepare) {\n' +
    '  "use strict";\n' +
    '  var P = Promise, then = P.prototype.then, concat = String.prototype.concat;\n' +
    '  return function (specifier) {\n' +
    '    var key = new P(function (resolve) { resolve(prepare(concat.call("", specifier))); });\n' +
    '    return then.call(key, function (key) { return import(key); });\n' +
    '  };\n' +
    '})';

  // The shell's addPromiseReactions takes only functions of the promise's compartment.
  var kReactionsFactory = '(function (add) {\n' +
    '  return function (promise, fulfilled, rejected) {\n' +
    '    add(promise, function (value) { fulfilled(value); }, function (error) { rejected(error); });\n' +
    '  };\n' +
    '})';

  function guardDynamicImport(debugger_) {
    var forbidden = [];
    debugger_.onNewScript = function (script) {
      var source = script.source;
      var calls = true;
      try {
        calls = callsImport(source.text);
      } catch (error) {
        calls = true;
      }
      if (!calls || forbidden.indexOf(source) >= 0) return;
      forbidden.push(source);
      debugger_.onEnterFrame = function (frame) {
        if (frame.script && forbidden.indexOf(frame.script.source) >= 0) {
          return { throw: 'import() is not available on SpiderMonkey under settle: the shell\'s module loader reads files' };
        }
        return undefined;
      };
    };
    // A hook that throws must not let the script run unchecked.
    debugger_.uncaughtExceptionHook = function () {
      return { throw: 'settle could not check this code for import()' };
    };
  }

  function newRealm(env, request) {
    var global = newGlobal({ newCompartment: true });
    var evaluateIn = global.evaluate;
    var parseIn = global.parse;
    // The realm's own, which work on its modules and promises.
    var shell = { parseModule: global.parseModule, registerModule: global.registerModule,
      addPromiseReactions: evaluateIn(kReactionsFactory)(global.addPromiseReactions),
      setPromiseRejectionTrackerCallback: global.setPromiseRejectionTrackerCallback };
    Object.getOwnPropertyNames(global).forEach(function (name) {
      if (!keep[name]) delete global[name];
    });
    env.aliases.forEach(function (alias) {
      Object.defineProperty(global, alias, { value: global, writable: true, configurable: true });
    });
    var debugger_ = new Debugger();
    var debuggee = debugger_.addDebuggee(global);
    function unwrap(value) {
      return value instanceof Debugger.Object ? value.unsafeDereference() : value;
    }
    var hooks = {
      // The shell's enqueueJob takes only functions of this compartment: wrap the job in one.
      enqueueJob: function (job) { shellEnqueueJob(function () { job(); }); },
      tracksRejections: true,
      promise: {
        isPromise: function (value) {
          var wrapped = debuggee.makeDebuggeeValue(value);
          return wrapped instanceof Debugger.Object && wrapped.isPromise === true;
        },
        state: function (promise) { return debuggee.makeDebuggeeValue(promise).promiseState; },
        result: function (promise) {
          var wrapped = debuggee.makeDebuggeeValue(promise);
          if (wrapped.promiseState === 'fulfilled') return unwrap(wrapped.promiseValue);
          if (wrapped.promiseState === 'rejected') return unwrap(wrapped.promiseReason);
          return undefined;
        }
      }
    };
    function run(script) {
      return evaluateIn(script.code, { fileName: script.name });
    }
    var api = run(env.host)(global, hooks);
    // ECMA-262's HostPromiseRejectionTracker, raw (0 reject, 1 handle), to host.js's tracker. One
    // callback serves the shell; host.js's function is of this realm's compartment, so it gets
    // this realm's promises unwrapped.
    shell.setPromiseRejectionTrackerCallback(api.rejectionTracker);
    env.preludes.forEach(run);
    var test262 = request && request.test262;
    var modules = test262 && test262.folder ? moduleLoader(global, test262, shell) : null;
    if (modules) {
      var importFunction = evaluateIn(kImportFactory, { fileName: 'settle import()' })(function (specifier) {
        try {
          return modules.prepareImport(specifier);
        } catch (error) {
          // An object of this compartment (a stack overflow here, say) must not reach case code:
          // through its constructor it would hand it this global.
          if (typeof error === 'object' && error !== null && shellObjectGlobal(error) !== null) {
            throw new global.Error('settle could not load the module: ' + settleDriver.describe(error));
          }
          throw error;
        }
      });
      Object.defineProperty(global, kImportName, { value: importFunction });
    }
    guardDynamicImport(debugger_);
    return {
      api: api,
      modules: modules,
      // The realm's own parse: its SyntaxError is the realm's.
      compile: function (code, name) {
        parseIn(code);
        if (modules) {
          try {
            code = modules.script(code);
          } catch (error) {
            // left as it is: the guard stops its import() calls
          }
        }
        return { code: code, name: name };
      },
      run: run
    };
  }

  var core = settleDriver.create({
    write: function (line) { shellPrint(line); },
    version: function () { return 'SpiderMonkey ' + String(typeof version === 'function' ? version() : ''); },
    // The parts of test262's $262 this shell gives; agent is not among them.
    host262: ['global', 'evalScript', 'createRealm', 'gc', 'detachArrayBuffer'],
    gc: function () { shellGc(); },
    detachArrayBuffer: function (buffer) { shellDetach(buffer); },
    compile: function (code, name) {
      shellParse(code);
      return { code: code, name: name };
    },
    newRealm: newRealm,
    modules: true,
    runModule: function (realm, entry, done) { realm.modules.run(entry, done); },
    drain: function () {
      shellDrainJobQueue();
      return true;
    },
    // SpiderMonkey reports an exhausted heap as the uncatchable string "out of memory".
    fault: function (error) {
      return error === 'out of memory' ? 'the case ran out of memory' : null;
    }
  });

  for (var line = readline(); line !== null; line = readline()) core.receive(line);
})();
