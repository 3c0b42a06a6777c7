/*---
description: module - skipped, no adapter of settle's runs module code
flags: [module]
---*/
import { value } from './module-code_FIXTURE.js';
assert.sameValue(value, 1);
