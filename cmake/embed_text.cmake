# Writes OUTPUT, a C++ source that defines `extern const char* const SYMBOL` holding the text of INPUT.
# Run as: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed_text.cmake
file(READ "${INPUT}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT}; do not edit.\n"
  "namespace settle::embedded {\n"
  "static const char kBytes[] = {${bytes} '\\0'};\n"
  "extern const char* const ${SYMBOL};\n"
  "const char* const ${SYMBOL} = kBytes;\n"
  "}  // namespace settle::embedded\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
