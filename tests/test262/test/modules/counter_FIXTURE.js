// Counts its evaluations in a global: a module is evaluated once per module map.
globalThis.evaluations = (globalThis.evaluations || 0) + 1;
export var count = globalThis.evaluations;
