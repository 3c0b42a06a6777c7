// then always makes its result with %Promise%: SpeciesConstructor is never called, subclasses and Symbol.species are ignored
// As in pre-ES2015 libraries and early engines. (Done here by hiding the receiver's constructor while the intrinsic then runs.)
(function () {
  'use strict';
  var Promise_ = Promise;
  var then_ = Promise.prototype.then;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  function closure(f) { return f; }
  var methods = {
    then(onFulfilled, onRejected) {
      var promise = this;
      if (!isObject(promise)) return then_.call(promise, onFulfilled, onRejected);
      var own = Object.getOwnPropertyDescriptor(promise, 'constructor');
      try {
        Object.defineProperty(promise, 'constructor', { value: undefined, writable: true, configurable: true });
      } catch (e) {
        return then_.call(promise, onFulfilled, onRejected);
      }
      try {
        return then_.call(promise, onFulfilled, onRejected);
      } finally {
        if (own) Object.defineProperty(promise, 'constructor', own); else delete promise.constructor;
      }
    }
  };
  Object.defineProperty(Promise_.prototype, 'then', { value: methods.then, writable: true, enumerable: false, configurable: true });
})();
