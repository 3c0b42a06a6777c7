// settle's fixture harness: the assertions the fixtures use.
/*---
defines: [assert]
---*/
function assert(condition, message) {
  if (condition !== true) throw new Test262Error('Expected true but got ' + String(condition) + '. ' + (message || ''));
}
assert.sameValue = function (actual, expected, message) {
  var same = actual === expected ? actual !== 0 || 1 / actual === 1 / expected : actual !== actual && expected !== expected;
  if (!same) throw new Test262Error('Expected SameValue(' + String(actual) + ', ' + String(expected) + '). ' + (message || ''));
};
assert.throws = function (expectedError, fn, message) {
  try {
    fn();
  } catch (error) {
    if (!error || error.constructor !== expectedError) throw new Test262Error('Expected a ' + expectedError.name + '. ' + (message || ''));
    return;
  }
  throw new Test262Error('Expected a ' + expectedError.name + ' to be thrown. ' + (message || ''));
};
