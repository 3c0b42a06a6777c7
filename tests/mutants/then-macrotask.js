// then runs its handlers from a timer (setTimeout 0) instead of in a job: handlers run after timers, and late
// Old libraries (Q, when.js, early polyfills) fell back to setTimeout as their scheduler.
(function () {
  'use strict';
  var Promise_ = Promise;
  var then_ = Promise.prototype.then;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  function closure(f) { return f; }
  var methods = {
    then(onFulfilled, onRejected) {
      // The handler's outcome is handed over through a plain thenable (not a promise), so that
      // adopting it never goes through this then again.
      var defer = (h) => typeof h !== 'function' ? h : closure((x) => ({
        then: (resolve, reject) => {
          setTimeout(() => { try { resolve(h(x)); } catch (e) { reject(e); } }, 0);
        }
      }));
      return then_.call(this, defer(onFulfilled), defer(onRejected));
    }
  };
  Object.defineProperty(Promise_.prototype, 'then', { value: methods.then, writable: true, enumerable: false, configurable: true });
})();
