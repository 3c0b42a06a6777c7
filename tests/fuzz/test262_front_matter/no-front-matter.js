// no front matter at all
assert(true);
/*--- opened but never closed
