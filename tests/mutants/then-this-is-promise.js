// then calls its handlers with this = the promise instead of undefined
// jQuery.Deferred-style callbacks get a context object as this.
(function () {
  'use strict';
  var Promise_ = Promise;
  var then_ = Promise.prototype.then;
  function isObject(x) { return (typeof x === 'object' && x !== null) || typeof x === 'function'; }
  function closure(f) { return f; }
  var methods = {
    then(onFulfilled, onRejected) {
      var promise = this;
      var wrap = (h) => typeof h === 'function' ? closure((x) => h.call(promise, x)) : h;
      return then_.call(promise, wrap(onFulfilled), wrap(onRejected));
    }
  };
  Object.defineProperty(Promise_.prototype, 'then', { value: methods.then, writable: true, enumerable: false, configurable: true });
})();
