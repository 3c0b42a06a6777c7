// Loaded by dynamic-import.js through import().
export var doubled = 2 * 2;
