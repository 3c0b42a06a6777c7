// Promise.resolve(x) returns x whenever x instanceof Promise, without comparing x.constructor with this
// A shortcut in several polyfills; Sub.resolve(plainPromise) then returns a plain Promise.
(function () {
  'use strict';
  var Promise_ = Promise;
  var resolve_ = Promise.resolve;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  var methods = {
    resolve(x) {
      if (x instanceof Promise_) return x;
      return resolve_.call(this, x);
    }
  };
  Object.defineProperty(Promise_, 'resolve', { value: methods.resolve, writable: true, enumerable: false, configurable: true });
})();
