// Promise.resolve(p) always makes a new promise, even when p is a promise whose constructor is this
// Libraries that implement resolve as new this(r => r(x)); it costs two extra jobs and breaks identity.
(function () {
  'use strict';
  var Promise_ = Promise;
  var resolve_ = Promise.resolve;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  var methods = {
    resolve(x) {
      var C = this;
      return new C((resolve) => resolve(x));
    }
  };
  Object.defineProperty(Promise_, 'resolve', { value: methods.resolve, writable: true, enumerable: false, configurable: true });
})();
