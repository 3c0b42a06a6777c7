/*---
description: module - two imports of one fixture share one instance (one module map per run) - passes
flags: [module]
---*/
import { count } from './counter_FIXTURE.js';
import * as again from './counter_FIXTURE.js';
assert.sameValue(count, 1);
assert.sameValue(again.count, 1);
