// on a rejected promise, a rejection returned by the callback does not replace the original reason
// catchFinally written as p.then(() => { throw reason; }, () => { throw reason; }).
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
      var promise = this;
      if (!isObject(promise)) throw new TypeError('Promise.prototype.finally called on a non-object');
      var C = speciesConstructor(promise, Promise_);
      if (typeof onFinally !== 'function') return promise.then(onFinally, onFinally);
      return promise.then(closure((value) => promiseResolve(C, onFinally()).then(() => value)),
                          closure((reason) => promiseResolve(C, onFinally()).then(() => { throw reason; }, () => { throw reason; })));
    }
  };
  // Method syntax keeps the surface right (name "finally", length 1, not a constructor): only the behaviour is broken.
  Object.defineProperty(Promise_.prototype, 'finally', { value: methods.finally, writable: true, enumerable: false, configurable: true });
})();
