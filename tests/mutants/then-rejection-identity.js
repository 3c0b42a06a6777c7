// a non-callable onRejected is replaced by the identity function x => x (spec: a thrower): the rejection turns into a fulfilment
// The classic naive-implementation bug: onRejected = isFunction(onRejected) ? onRejected : x => x.
(function () {
  'use strict';
  var Promise_ = Promise;
  var then_ = Promise.prototype.then;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  function closure(f) { return f; }
  var methods = {
    then(onFulfilled, onRejected) {
      if (typeof onRejected !== 'function') onRejected = closure((x) => x);
      return then_.call(this, onFulfilled, onRejected);
    }
  };
  Object.defineProperty(Promise_.prototype, 'then', { value: methods.then, writable: true, enumerable: false, configurable: true });
})();
