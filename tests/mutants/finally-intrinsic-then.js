// finally calls the intrinsic Promise.prototype.then on this instead of Invoke(this, "then"): overridden and generic thens are bypassed
// An engine-internal fast path (PerformPromiseThen directly), as some engines once did.
(function () {
  'use strict';
  var Promise_ = Promise;
  var promiseResolve = Function.prototype.call.bind(Promise.resolve);   // PromiseResolve(C, x)
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  function isConstructor(f) { try { Reflect.construct(String, [], f); return true; } catch (e) { return false; } }
  function speciesConstructor(o, defaultConstructor) {
    var C = o.constructor;
    if (C === undefined) return defaultConstructor;
    if (!isObject(C)) throw new TypeError('constructor is not an object');
    var S = C[Symbol.species];
    if (S === undefined || S === null) return defaultConstructor;
    if (isConstructor(S)) return S;
    throw new TypeError('[Symbol.species] is not a constructor');
  }
  // An arrow function passed as an argument has no name, like CreateBuiltinFunction(..., "").
  function closure(f) { return f; }
  var methods = {
    finally(onFinally) {
      var then_ = Promise_.prototype.then;
      var promise = this;
      if (!isObject(promise)) throw new TypeError('Promise.prototype.finally called on a non-object');
      var C = speciesConstructor(promise, Promise_);
      var thenFinally = onFinally, catchFinally = onFinally;
      if (typeof onFinally === 'function') {
        thenFinally = closure((value) => promiseResolve(C, onFinally()).then(() => value));
        catchFinally = closure((reason) => promiseResolve(C, onFinally()).then(() => { throw reason; }));
      }
      return then_.call(promise, thenFinally, catchFinally);
    }
  };
  // Method syntax keeps the surface right (name "finally", length 1, not a constructor): only the behaviour is broken.
  Object.defineProperty(Promise_.prototype, 'finally', { value: methods.finally, writable: true, enumerable: false, configurable: true });
})();
