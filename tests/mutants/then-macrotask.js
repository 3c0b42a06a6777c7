// then runs its handlers from a timer (setTimeout 0) instead of a job: handlers run after timers and late
// Old libraries (Q, when.js, early polyfills) fell back to setTimeout as their scheduler.
(function () {
  'use strict';
  var Promise_ = Promise;
  var then_ = Promise.prototype.then;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  function closure(f) { return f; }
  var methods = {
    then(onFulfilled, onRejected) {
      var defer = (h) => typeof h !== 'function' ? h
        : closure((x) => then_.call(new Promise_((resolve) => setTimeout(resolve, 0)), () => h(x)));
      return then_.call(this, defer(onFulfilled), defer(onRejected));
    }
  };
  Object.defineProperty(Promise_.prototype, 'then', { value: methods.then, writable: true, enumerable: false, configurable: true });
})();
