# Turns a data file into a C++ source holding its bytes, so the executable
# carries its templates and needs no data directory at run time.
# Usage: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P EmbedFile.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/EmbedFile.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace nianbao::embedded {\n"
  "static const char ${SYMBOL}_bytes[] = {${bytes} '\\0'};\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL}(${SYMBOL}_bytes, ${byte_count});\n"
  "}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
