// settle's fixture harness: an include that fails as it loads.
throw new Test262Error('this harness file fails on purpose');
