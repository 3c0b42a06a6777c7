// Promise.resolve(thenable) calls thenable.then synchronously instead of in a job (NewPromiseResolveThenableJob)
// Zalgo: a library that unwraps thenables eagerly.
(function () {
  'use strict';
  var Promise_ = Promise;
  var resolve_ = Promise.resolve;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  var methods = {
    resolve(x) {
      if (isObject(x) && !(x instanceof Promise_)) {
        var then = x.then;
        if (typeof then === 'function') {
          var C = this;
          return new C((resolve, reject) => { then.call(x, resolve, reject); });
        }
      }
      return resolve_.call(this, x);
    }
  };
  Object.defineProperty(Promise_, 'resolve', { value: methods.resolve, writable: true, enumerable: false, configurable: true });
})();
