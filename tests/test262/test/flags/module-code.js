/*---
description: module - runs once, as module code, where the engine runs modules; imports a fixture of its folder
flags: [module]
---*/
import { value } from './module-code_FIXTURE.js';
assert.sameValue(value, 1);
