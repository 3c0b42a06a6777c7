/*---
description: module - a specifier that leaves the test's folder is a resolution error, never a file read - fails
flags: [module]
---*/
import { value } from '../flags/module-code_FIXTURE.js';
