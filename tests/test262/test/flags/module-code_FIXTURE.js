// Imported by module-code.js: a _FIXTURE file is never a test of its own.
export var value = 1;
