// Imported by resolution.js, which asks for a binding this module does not export.
export var present = 1;
