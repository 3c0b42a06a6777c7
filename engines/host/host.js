// The host prelude: loaded into every case's realm, on every engine, before the case runs.
// It gives case code the host API of docs/design.md ($log, setTimeout, clearTimeout, print; and
// setInterval, clearInterval, which libraries' schedulers use), watches the subject settle, and
// writes observed values in the report notation, so that every engine reports values the same way. ES5 only: Duktape runs it too.
//
// The adapter calls this function with the realm's global object and its hooks:
//   hooks.enqueueJob(fn)   queue a job on the engine's job (microtask) queue
//   hooks.promise          optional {isPromise, state, result}: reads a native promise's state
//                          without calling its `then` (so observing it changes nothing)
//   hooks.asciiJson        optional: true to write the report with non-ASCII characters escaped
//   hooks.tracksRejections optional: true when the adapter feeds rejectionTracker or rejectionEvent
// and gets back the functions it drives the case with (see the return statement).
(function (global, hooks) {
  'use strict';

  // Intrinsics are read from `global` and captured now, before case code can replace them. The
  // function must not name a global directly: one compiled copy of it serves many realms, and a
  // free name would reach another realm's object (the Duktape adapter's tests check this).
  var Function_ = global.Function;
  var Object_ = global.Object;
  var Array_ = global.Array;
  var String_ = global.String;
  var Symbol_ = global.Symbol;
  var uncurry = Function_.prototype.bind.bind(Function_.prototype.call);
  var apply = uncurry(Function_.prototype.apply);
  var objectKeys = Object_.keys;
  var objectCreate = Object_.create;
  var defineProperty = Object_.defineProperty;
  var getOwnPropertyDescriptor = Object_.getOwnPropertyDescriptor;
  var getPrototypeOf = Object_.getPrototypeOf;
  var isExtensible = Object_.isExtensible;
  var hasOwn = uncurry(Object_.prototype.hasOwnProperty);
  var isPrototypeOf = uncurry(Object_.prototype.isPrototypeOf);
  var objectToString = uncurry(Object_.prototype.toString);
  var symbolToString = typeof Symbol_ === 'function' ? uncurry(Symbol_.prototype.toString) : null;
  var isArray = Array_.isArray;
  // Case code may put setters on Array.prototype or Object.prototype (test262 does, to prove that
  // built-ins never call them): the host writes own data properties only, never through a setter.
  function setOwn(object, key, value) {
    defineProperty(object, key, { value: value, writable: true, enumerable: true, configurable: true });
  }
  function push(array, value) {
    setOwn(array, array.length, value);
  }
  var splice = uncurry(Array_.prototype.splice);
  var slice = uncurry(Array_.prototype.slice);
  var join = uncurry(Array_.prototype.join);
  var stringSlice = uncurry(String_.prototype.slice);
  var charCodeAt = uncurry(String_.prototype.charCodeAt);
  var fromCharCode = String_.fromCharCode;
  var ErrorPrototype = global.Error.prototype;
  var TypeError_ = global.TypeError;
  var Number_ = global.Number;
  var enqueueJob = hooks.enqueueJob;
  var nativePromise = hooks.promise || null;

  var MAX_DEPTH = 8;
  var MAX_NODES = 10000;
  var MAX_PRINTED = 1 << 20;
  // What one case's report may hold in all (value, log, globals, uncaught): past it, the case
  // ends as an error rather than make a report of megabytes.
  var MAX_VALUES = 100000;
  var MAX_CHARACTERS = 1 << 20;
  var RangeError_ = global.RangeError;

  // ---- the host API seen by case code -------------------------------------------------------

  var logged = [];
  var printed = '';
  var uncaught = [];

  function $log(value) {
    push(logged, value);
  }

  function print(text) {
    if (printed.length < MAX_PRINTED) printed += String_(text) + '\n';
  }

  // Timers run on a virtual clock: when the job queue is empty, the adapter runs the timer that is
  // due first (ties in the order they were set), moving the clock to its due time. No case sleeps.
  var timers = [];
  var clock = 0;
  var nextTimerId = 1;

  function addTimer(name, callback, delay, args, repeat) {
    if (typeof callback !== 'function') throw new TypeError_(name + ': callback is not a function');
    var ms = Number_(delay);
    if (!(ms > 0)) ms = 0;
    // As in Node and browsers, an interval waits at least 1 ms, so the clock moves between runs.
    if (repeat && ms < 1) ms = 1;
    var id = nextTimerId++;
    push(timers, { id: id, due: clock + ms, callback: callback, args: args, every: repeat ? ms : 0 });
    return id;
  }

  function setTimeout(callback, delay) {
    return addTimer('setTimeout', callback, delay, slice(arguments, 2), false);
  }

  // An interval never cleared keeps its case running until the case's timeout, as it keeps a
  // Node process alive. Libraries use one as a fallback scheduler (then/promise's asap).
  function setInterval(callback, delay) {
    return addTimer('setInterval', callback, delay, slice(arguments, 2), true);
  }

  // Timeouts and intervals share their ids, so either function clears either, as in HTML.
  function clearTimeout(id) {
    for (var i = 0; i < timers.length; i++) {
      if (timers[i].id === id) {
        splice(timers, i, 1);
        return;
      }
    }
  }

  function hostFunction(name, fn, length) {
    defineProperty(fn, 'name', { value: name, configurable: true });
    defineProperty(fn, 'length', { value: length, configurable: true });
    defineProperty(global, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
  hostFunction('$log', $log, 1);
  hostFunction('print', print, 1);
  hostFunction('setTimeout', setTimeout, 2);
  hostFunction('clearTimeout', clearTimeout, 1);
  hostFunction('setInterval', setInterval, 2);
  hostFunction('clearInterval', function clearInterval(id) { clearTimeout(id); }, 1);

  // ---- unhandled rejections (docs/design.md, "Unhandled rejections") ------------------------

  // HTML's rule (HTML §8.1.5.7, "HostPromiseRejectionTracker", and §8.1.7.3, "notify about
  // rejected promises"), computed here alike for every engine. The adapter feeds it either the
  // raw calls of ECMA-262's HostPromiseRejectionTracker (rejectionTracker: engine262, SpiderMonkey,
  // settle's Duktape Promise) or the host's own batched events (rejectionEvent: node, Deno, Bun),
  // and the driver calls checkpoint() each time the job queue has drained: after the case's
  // script and after each timer callback. An adapter that feeds it says so (hooks.tracksRejections,
  // or a promise hook with trackRejections); the report has `rejections` only then.
  var tracking = hooks.tracksRejections === true;
  var LIBRARY_HOOK = '__settleRejectionHook';
  var aboutToBeNotified = [];  // HTML's "about-to-be-notified rejected promises list": [promise, reason]
  var outstanding = [];        // HTML's "outstanding rejected promises weak set", as a list
  var handledSince = [];       // reported promises handled since the last checkpoint: [promise, reason]
  var rejections = [];         // what the report holds: {unhandled: reason} / {handled: reason}
  var MAX_REJECTIONS = 1000;

  function indexOfPromise(list, promise) {
    for (var i = 0; i < list.length; i++) {
      if (list[i][0] === promise) return i;
    }
    return -1;
  }

  // HTML's HostPromiseRejectionTracker(promise, operation), steps 6 and 7 (steps 1-5 find the
  // global, and a realm here is one global). `operation` is "reject" or "handle"; SpiderMonkey's
  // shell passes 0 and 1.
  function rejectionTracker(promise, operation) {
    if (promise === subject) return;  // settle awaits the subject: it is never unhandled
    // 6. If operation is "reject", append promise to global's about-to-be-notified rejected
    //    promises list.
    if (operation === 'reject' || operation === 0) {
      if (indexOfPromise(aboutToBeNotified, promise) === -1) push(aboutToBeNotified, [promise, promiseReason(promise)]);
      return;
    }
    // 7. If operation is "handle", then:
    //    1. If global's about-to-be-notified rejected promises list contains promise, then remove
    //       promise from that list and return.
    var waiting = indexOfPromise(aboutToBeNotified, promise);
    if (waiting !== -1) {
      splice(aboutToBeNotified, waiting, 1);
      return;
    }
    //    2. If global's outstanding rejected promises weak set does not contain promise, then return.
    var reported = indexOfPromise(outstanding, promise);
    if (reported === -1) return;
    //    3. Remove promise from global's outstanding rejected promises weak set.
    var entry = outstanding[reported];
    splice(outstanding, reported, 1);
    //    4. Queue a global task to fire rejectionhandled: here, reported at the next checkpoint.
    push(handledSince, entry);
  }

  // A host's own batched events: 'unhandled' (its unhandledRejection) and 'handled' (its
  // rejectionHandled), as the host delivered them before the checkpoint.
  function rejectionEvent(kind, promise, reason) {
    if (promise === subject) return;
    if (kind === 'unhandled') {
      push(outstanding, [promise, reason]);
      recordRejection('unhandled', reason);
    } else if (kind === 'handled') {
      var reported = indexOfPromise(outstanding, promise);
      if (reported === -1) return;
      recordRejection('handled', outstanding[reported][1]);
      splice(outstanding, reported, 1);
    }
  }

  function recordRejection(kind, reason) {
    if (rejections.length >= MAX_REJECTIONS) return;
    var event = {};
    setOwn(event, kind, reason);
    push(rejections, event);
  }

  function promiseReason(promise) {
    return nativePromise && nativePromise.isPromise(promise) ? nativePromise.result(promise) : undefined;
  }

  // The job queue has drained: the promises handled since they were reported (rejectionhandled,
  // in the order they were handled), then HTML's "notify about rejected promises" on the list, in
  // the order of rejection.
  function checkpoint() {
    var i;
    for (i = 0; i < handledSince.length; i++) recordRejection('handled', handledSince[i][1]);
    handledSince = [];
    var list = aboutToBeNotified;
    aboutToBeNotified = [];
    for (i = 0; i < list.length; i++) {
      push(outstanding, list[i]);
      recordRejection('unhandled', list[i][1]);
    }
  }

  if (nativePromise && typeof nativePromise.trackRejections === 'function') {
    tracking = true;
    nativePromise.trackRejections(rejectionTracker);
  }

  // ---- what case code must not have, or keep past its case -----------------------------------

  // A stack walk hands case code the functions that called it: the host's own (observe, with which
  // it could replace its outcome) and, on a shell whose one realm is the case's (duk), the
  // driver's. Duktape.act is Duktape's; V8's and JavaScriptCore's give no function of strict code.
  if (isObject(global.Duktape)) delete global.Duktape.act;

  // Some callbacks are run by the engine's own event loop when the engine decides: a
  // FinalizationRegistry's cleanup, the settling of Atomics.waitAsync or of WebAssembly's
  // compiling. They could run after the case has ended, in the next case's time, or stop the
  // process before it. A case that asks for one is flagged (outlivesCase) and the driver's process
  // ends with the case. The entry points become proxies of themselves that only set the flag.
  var outlives = false;
  var Proxy_ = global.Proxy;
  var Reflect_ = global.Reflect;
  function flagOnUse(holder, name) {
    if (!isObject(holder) || typeof Proxy_ !== 'function' || !isObject(Reflect_)) return null;
    var own = getOwnPropertyDescriptor(holder, name);
    if (!own || typeof own.value !== 'function') return null;
    var reflectApply = Reflect_.apply;
    var reflectConstruct = Reflect_.construct;
    // No prototype: a trap that case code put on Object.prototype (`get`, say) must not become one.
    var handler = objectCreate(null);
    handler.apply = function (target, self, args) {
      outlives = true;
      return reflectApply(target, self, args);
    };
    handler.construct = function (target, args, newTarget) {
      outlives = true;
      return reflectConstruct(target, args, newTarget);
    };
    var proxy = new Proxy_(own.value, handler);
    own.value = proxy;
    defineProperty(holder, name, own);
    return proxy;
  }
  var registry = flagOnUse(global, 'FinalizationRegistry');
  if (registry) {
    var constructorSlot = getOwnPropertyDescriptor(registry.prototype, 'constructor');
    if (constructorSlot && 'value' in constructorSlot) {
      constructorSlot.value = registry;
      defineProperty(registry.prototype, 'constructor', constructorSlot);
    }
  }
  flagOnUse(global.Atomics, 'waitAsync');
  var wasmAsync = ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming'];
  for (var wasm = 0; wasm < wasmAsync.length; wasm++) flagOnUse(global.WebAssembly, wasmAsync[wasm]);

  // ---- driving the case ---------------------------------------------------------------------

  // The subject's settlement: {state, value}; state 'pending' until a thenable settles.
  var outcome = null;
  var subject;

  function isObject(value) {
    return (typeof value === 'object' && value !== null) || typeof value === 'function';
  }

  function settleOnce(state) {
    return function (value) {
      if (outcome.state === 'pending') outcome = { state: state, value: value };
    };
  }

  // Where the adapter cannot read a native promise's state (jsc, Hermes), a promise of this realm
  // whose constructor is %Promise% gets its reaction through the `then` captured now, as
  // ECMA-262's Await gives it one through PerformPromiseThen: a `then` that case code put on
  // Promise.prototype is never called. (Hermes's own await calls it, so the host cannot await.)
  // A library's Promise (a profile's prelude) is taken the same way, once the preludes have run
  // (capturePromise, which the driver calls then): a library promise is read through its `then`,
  // but never through one that case code put there.
  var Promise_ = null;
  var PromisePrototype = null;
  var promiseThen = null;
  function capturePromise() {
    delete global[LIBRARY_HOOK];
    Promise_ = null;
    try {
      var constructor = global.Promise;
      var prototype = typeof constructor === 'function' ? constructor.prototype : null;
      if (isObject(prototype) && typeof prototype.then === 'function') {
        Promise_ = constructor;
        PromisePrototype = prototype;
        promiseThen = prototype.then;
      }
    } catch (ignored) {}
  }
  capturePromise();
  // The engine's own then, where it looks up the species as ECMA-262's SpeciesConstructor does
  // (%Promise% has an accessor @@species): only that then may be given a promise whose own
  // `constructor` is undefined (thenWithoutSpecies). Hermes's then would construct undefined.
  var speciesThen = null;
  var callSpeciesThen = null;
  if (promiseThen !== null && typeof Symbol_ === 'function' && Symbol_.species) {
    var species = getOwnPropertyDescriptor(Promise_, Symbol_.species);
    if (species && typeof species.get === 'function') {
      speciesThen = promiseThen;
      callSpeciesThen = uncurry(promiseThen);
    }
  }
  // A Promise library's own rejection hook (a profile's rejection_hook, docs/engines.md) reaches
  // rejectionEvent through this global, which only the preludes see: capturePromise, which the
  // driver calls once they have run, deletes it.
  defineProperty(global, LIBRARY_HOOK, {
    value: function () {
      tracking = true;
      return rejectionEvent;
    },
    writable: true,
    configurable: true
  });
  // A direct instance of its prototype, or an instance whose constructor is it (a library's
  // prototype may have no `constructor`); a subclass's instance is read through its own `then`.
  function isThisRealmsPromise(value) {
    if (Promise_ === null || !isPrototypeOf(PromisePrototype, value)) return false;
    return getPrototypeOf(value) === PromisePrototype || value.constructor === Promise_;
  }

  // Watches the script's completion value as `await` would, except that a native promise is read
  // directly at the end instead of through `then`.
  function observe(completion) {
    subject = completion;
    // settle awaits the subject (a rejection it was left with is its outcome, not unhandled).
    var waiting = indexOfPromise(aboutToBeNotified, completion);
    if (waiting !== -1) splice(aboutToBeNotified, waiting, 1);
    if (nativePromise && nativePromise.isPromise(completion)) {
      outcome = { state: 'native' };
      return;
    }
    if (isObject(completion)) {
      var then;
      try {
        then = isThisRealmsPromise(completion) ? promiseThen : completion.then;
      } catch (error) {
        outcome = { state: 'rejected', value: error };
        return;
      }
      if (typeof then === 'function') {
        outcome = { state: 'pending' };
        enqueueJob(function () {
          var onFulfilled = settleOnce('fulfilled');
          var onRejected = settleOnce('rejected');
          try {
            if (then === speciesThen) {
              thenWithoutSpecies(completion, onFulfilled, onRejected);
            } else {
              uncurry(then)(completion, onFulfilled, onRejected);
            }
          } catch (error) {
            onRejected(error);
          }
        });
        return;
      }
    }
    outcome = { state: 'returns', value: completion };
  }

  // then's SpeciesConstructor reads the promise's `constructor`: on a subclass instance it would
  // construct the subclass once more, which case code sees (its constructor may log) and which an
  // engine that reads the state natively never does. An own `constructor` of undefined, there only
  // for the call, makes then take %Promise%; no code of the case runs in between.
  // (A frozen subject, or one whose own constructor cannot be redefined, keeps its constructor.)
  function thenWithoutSpecies(promise, onFulfilled, onRejected) {
    var own = getOwnPropertyDescriptor(promise, 'constructor');
    var shadow = own ? own.configurable : isExtensible(promise);
    if (shadow) {
      defineProperty(promise, 'constructor', { value: undefined, writable: true, enumerable: false, configurable: true });
    }
    try {
      return callSpeciesThen(promise, onFulfilled, onRejected);
    } finally {
      if (shadow && own) defineProperty(promise, 'constructor', own);
      if (shadow && !own) delete promise.constructor;
    }
  }

  function observeThrow(error) {
    outcome = { state: 'throws', value: error };
  }

  // A test262 test has no subject: its script just ran to completion.
  function observeCompleted() {
    outcome = { state: 'returns', value: undefined };
  }

  // The sandbox: an adapter's function belongs to the adapter's realm, whose Function constructor
  // leads to a global with require, process or the shell's os and read. Case code only ever gets
  // a function of its own realm that calls it, and an error thrown from the adapter's realm (a
  // stack overflow in its code) is remade in this one. Errors of this realm, or of another realm
  // that $262.createRealm made (its own $262 functions remake theirs), pass as they are.
  var errorConstructors = {};
  var errorNames = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError',
                    'URIError', 'InternalError'];
  for (var e = 0; e < errorNames.length; e++) {
    if (typeof global[errorNames[e]] === 'function') errorConstructors[errorNames[e]] = global[errorNames[e]];
  }
  var ObjectPrototype = Object_.prototype;
  function ownRealmError(error) {
    if (!isObject(error) || isPrototypeOf(ObjectPrototype, error)) return error;
    var name = 'Error', message = '';
    try {
      name = String_(error.name);
      message = String_(error.message);
    } catch (ignored) {}
    var Constructor = hasOwn(errorConstructors, name) ? errorConstructors[name] : errorConstructors.Error;
    return new Constructor(message);
  }
  function ownFunction(adapterFunction) {
    return function () {
      try {
        return apply(adapterFunction, undefined, arguments);
      } catch (error) {
        throw ownRealmError(error);
      }
    };
  }

  // test262's $262 (INTERPRETING.md, "Host-Defined Functions") for this realm, with the parts the
  // adapter can give: evalScript, createRealm, gc, detachArrayBuffer. A part it cannot give is
  // absent, and settle skips the tests that use it.
  function install262(parts) {
    var $262 = { global: global };
    var names = ['evalScript', 'createRealm', 'gc', 'detachArrayBuffer'];
    for (var i = 0; i < names.length; i++) {
      if (parts && typeof parts[names[i]] === 'function') $262[names[i]] = ownFunction(parts[names[i]]);
    }
    defineProperty(global, '$262', { value: $262, writable: true, configurable: true, enumerable: false });
    return $262;
  }

  // The name of a thrown object's constructor: test262 negative tests name the error's type so.
  function constructorName(value) {
    try {
      var constructor = value.constructor;
      return typeof constructor === 'function' ? cleanString(String_(constructor.name)) : '';
    } catch (error) {
      return '';
    }
  }

  function reportUncaught(where, error) {
    push(uncaught, { where: where, value: error });
  }

  // Runs the timer that is due first; false when none is left.
  function runNextTimer() {
    if (timers.length === 0) return false;
    var first = 0;
    for (var i = 1; i < timers.length; i++) {
      if (timers[i].due < timers[first].due) first = i;
    }
    var timer = timers[first];
    splice(timers, first, 1);
    clock = timer.due;
    if (timer.every) {
      timer.due = clock + timer.every;
      push(timers, timer);  // re-armed first, so the callback may clear it
    }
    try {
      apply(timer.callback, undefined, timer.args);
    } catch (error) {
      reportUncaught('a timer callback', error);
    }
    return true;
  }

  // ---- the report notation ------------------------------------------------------------------

  // Strings are rewritten a code unit at a time, with the intrinsics captured above, never with a
  // regular expression: String.prototype.replace calls RegExp.prototype[Symbol.replace], and that
  // calls `exec` and reads `flags`, all of which case code can replace (and so make the report hold
  // a quote unescaped, and a result of its choosing).
  // `rewrite(text, replacement)` gives text with each code unit at i for which replacement(text, i)
  // gives a string (not null) replaced by that string.
  function rewrite(text, replacement) {
    var parts = null;
    var start = 0;
    for (var i = 0; i < text.length; i++) {
      var replaced = replacement(text, i);
      if (replaced === null) continue;
      if (parts === null) parts = [];
      push(parts, stringSlice(text, start, i));
      push(parts, replaced);
      start = i + 1;
    }
    if (parts === null) return text;
    push(parts, stringSlice(text, start));
    return join(parts, '');
  }

  // JSON reports are UTF-8: a lone surrogate cannot be written, so it becomes U+FFFD.
  function loneSurrogate(text, i) {
    var code = charCodeAt(text, i);
    if (code >= 0xd800 && code <= 0xdbff) {
      var next = i + 1 < text.length ? charCodeAt(text, i + 1) : 0;
      return next >= 0xdc00 && next <= 0xdfff ? null : '\uFFFD';
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      var before = i > 0 ? charCodeAt(text, i - 1) : 0;
      return before >= 0xd800 && before <= 0xdbff ? null : '\uFFFD';
    }
    return null;
  }

  // Whether a string holds what it must be rewritten for, in one step: a regular expression whose
  // `test` is captured and whose `exec` is an own property holding the captured exec, so that
  // nothing that case code can replace is looked up (RegExpBuiltinExec reads the flags from the
  // regular expression's own slots, not from its getters).
  var regExpTest = uncurry(global.RegExp.prototype.test);
  var regExpExec = global.RegExp.prototype.exec;
  function finder(pattern) {
    var regexp = new global.RegExp(pattern);
    defineProperty(regexp, 'exec', { value: regExpExec });
    return function (text) { return regExpTest(regexp, text); };
  }
  var hasSurrogate = finder('[\\uD800-\\uDFFF]');

  function cleanString(text) {
    return hasSurrogate(text) ? rewrite(text, loneSurrogate) : text;
  }

  function symbolDescription(symbol) {
    var text = symbolToString(symbol);  // "Symbol(desc)"
    return text.length > 8 ? cleanString(stringSlice(text, 7, -1)) : null;
  }

  function isError(value) {
    return isPrototypeOf(ErrorPrototype, value) || objectToString(value) === '[object Error]';
  }

  function escapeKey(key) {
    return charCodeAt(key, 0) === 0x24 /* $ */ ? '$' + key : key;
  }

  function Serializer(watched, budget) {
    setOwn(this, 'watched', watched);  // [[name, value], ...]: objects written as {"$same": name}
    setOwn(this, 'nodes', 0);
    setOwn(this, 'path', []);
    setOwn(this, 'budget', budget);  // {values, characters}: shared by a report's serializers
  }

  function tooLarge() {
    return new RangeError_('the observed values are larger than a report takes (' + MAX_VALUES +
                           ' values, ' + MAX_CHARACTERS + ' characters)');
  }

  // A string of the report, counted against its budget.
  Serializer.prototype.text = function (text) {
    this.budget.characters += text.length;
    if (this.budget.characters > MAX_CHARACTERS) throw tooLarge();
    return cleanString(text);
  };

  Serializer.prototype.write = function (value) {
    if (++this.budget.values > MAX_VALUES) throw tooLarge();
    var type = typeof value;
    if (value === undefined) return { $: 'undefined' };
    if (value === null || type === 'boolean') return value;
    if (type === 'number') {
      if (value !== value) return { $: 'NaN' };
      if (value === Infinity) return { $: 'Infinity' };
      if (value === -Infinity) return { $: '-Infinity' };
      if (value === 0 && 1 / value < 0) return { $: '-0' };
      return value;
    }
    if (type === 'string') return this.text(value);
    if (type === 'bigint') return { $bigint: this.text(String_(value)) };
    for (var w = 0; w < this.watched.length; w++) {
      if (this.watched[w][1] === value) return { $same: this.watched[w][0] };
    }
    if (type === 'symbol') return { $symbol: symbolDescription(value) };
    if (++this.nodes > MAX_NODES || this.path.length >= MAX_DEPTH) return { $cut: true };
    for (var p = 0; p < this.path.length; p++) {
      if (this.path[p] === value) return { $cut: true };
    }
    push(this.path, value);
    var written = this.writeObject(value, type);
    this.path.length--;
    return written;
  };

  Serializer.prototype.writeObject = function (value, type) {
    var out, i;
    if (type === 'function') return { $function: true, name: this.text(String_(value.name)) };
    if (isError(value)) {
      out = { $error: this.text(String_(value.name)), message: this.text(String_(value.message)) };
      if (hasOwn(value, 'errors')) setOwn(out, 'errors', this.write(value.errors));
      if (hasOwn(value, 'cause')) setOwn(out, 'cause', this.write(value.cause));
      return out;
    }
    if (isArray(value)) {
      out = [];
      for (i = 0; i < value.length; i++) {
        if (this.nodes > MAX_NODES) return { $cut: true };
        push(out, this.write(value[i]));
      }
      return out;
    }
    out = {};
    var keys = objectKeys(value);
    for (i = 0; i < keys.length; i++) {
      // defineProperty, not assignment: a key such as __proto__ must stay an own property.
      defineProperty(out, escapeKey(this.text(keys[i])), {
        value: this.write(value[keys[i]]), writable: true, enumerable: true, configurable: true
      });
    }
    return out;
  };

  // JSON text of a report tree (plain objects, arrays, strings, finite numbers, booleans, null).
  // The realm's JSON.stringify is not used: case code can give Object.prototype a toJSON, and
  // some engines' JSON.stringify runs setters that case code put on Array.prototype.
  // Escaped: controls, the quote and the backslash; U+2028 and U+2029, which some shells read as
  // line ends; with asciiJson, everything past ASCII.
  var asciiJson = hooks.asciiJson === true;
  var needsEscape = finder(asciiJson ? '[\\u0000-\\u001f"\\\\\\u007f-\\uffff]' : '[\\u0000-\\u001f"\\\\\\u2028\\u2029]');
  var numberToString = uncurry(Number_.prototype.toString);
  function escapeJsonChar(text, i) {
    var code = charCodeAt(text, i);
    if (code === 0x22) return '\\"';
    if (code === 0x5c) return '\\\\';
    if (code < 0x20 || (asciiJson ? code >= 0x7f : code === 0x2028 || code === 0x2029)) {
      return '\\u' + stringSlice('000' + numberToString(code, 16), -4);
    }
    return null;
  }
  function encodeJson(value) {
    if (value === null) return 'null';
    var type = typeof value;
    if (type === 'boolean') return value ? 'true' : 'false';
    if (type === 'number') return value === value && value !== Infinity && value !== -Infinity ? String_(value) : 'null';
    if (type === 'string') return '"' + (needsEscape(value) ? rewrite(value, escapeJsonChar) : value) + '"';
    var parts = '';
    var i;
    if (isArray(value)) {
      for (i = 0; i < value.length; i++) parts += (i ? ',' : '') + encodeJson(value[i]);
      return '[' + parts + ']';
    }
    var keys = objectKeys(value);
    for (i = 0; i < keys.length; i++) {
      if (value[keys[i]] === undefined) continue;
      parts += (parts ? ',' : '') + encodeJson(keys[i]) + ':' + encodeJson(value[keys[i]]);
    }
    return '{' + parts + '}';
  }

  // Ends the case: the settlement, the log and the watched globals, as a JSON text.
  function finish(watchedNames) {
    var watched = [];
    var i;
    for (i = 0; i < watchedNames.length; i++) {
      var name = watchedNames[i];
      if (name in global) push(watched, [name, global[name]]);
    }
    var report = { state: outcome ? outcome.state : 'none', log: [], globals: {}, uncaught: [] };
    var value = outcome ? outcome.value : undefined;
    if (report.state === 'native') {
      setOwn(report, 'state', nativePromise.state(subject));
      value = nativePromise.result(subject);
    }
    var budget = { values: 0, characters: 0 };
    if (report.state !== 'pending') setOwn(report, 'value', new Serializer(watched, budget).write(value));
    if (report.state === 'throws' && isObject(value)) setOwn(report, 'thrown_constructor', constructorName(value));
    for (i = 0; i < logged.length; i++) push(report.log, new Serializer(watched, budget).write(logged[i]));
    for (i = 0; i < watched.length; i++) {
      setOwn(report.globals, watched[i][0], new Serializer([], budget).write(watched[i][1]));
    }
    for (i = 0; i < uncaught.length; i++) {
      push(report.uncaught, { where: uncaught[i].where, value: new Serializer([], budget).write(uncaught[i].value) });
    }
    if (tracking) {
      setOwn(report, 'rejections', []);
      for (i = 0; i < rejections.length; i++) {
        var kind = hasOwn(rejections[i], 'unhandled') ? 'unhandled' : 'handled';
        var written = {};
        setOwn(written, kind, new Serializer(watched, budget).write(rejections[i][kind]));
        push(report.rejections, written);
      }
    }
    setOwn(report, 'printed', cleanString(printed));
    return encodeJson(report);
  }

  return {
    observe: observe,
    observeThrow: observeThrow,
    observeCompleted: observeCompleted,
    install262: install262,
    capturePromise: capturePromise,
    reportUncaught: reportUncaught,
    runNextTimer: runNextTimer,
    rejectionTracker: rejectionTracker,
    rejectionEvent: rejectionEvent,
    checkpoint: checkpoint,
    finish: finish,
    // What case code has printed so far (test262's async tests print their completion).
    printed: function () { return printed; },
    // Whether the case asked for a callback that the engine may run after the case has ended.
    outlivesCase: function () { return outlives; }
  };
})
