// settle's fixture harness: the async tests' $DONE, which reports through print().
/*---
defines: [$DONE]
---*/
function $DONE(error) {
  if (error) {
    print('Test262:AsyncTestFailure:' + (error && error.name !== undefined ? error.name : 'Test262Error') + ': ' + (error && error.message !== undefined ? error.message : String(error)));
  } else {
    print('Test262:AsyncTestComplete');
  }
}
