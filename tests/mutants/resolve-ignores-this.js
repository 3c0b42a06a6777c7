// Promise.resolve ignores its this value and always makes a %Promise% (no TypeError on a non-object this, no subclass results)
// Libraries whose static resolve is a plain function bound to their own constructor.
(function () {
  'use strict';
  var Promise_ = Promise;
  var resolve_ = Promise.resolve;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  var methods = {
    resolve(x) {
      return resolve_.call(Promise_, x);
    }
  };
  Object.defineProperty(Promise_, 'resolve', { value: methods.resolve, writable: true, enumerable: false, configurable: true });
})();
