#pragma once

#include <string>
#include <vector>

namespace settle::embedded {

// A file compiled into the binary: engine profiles, drivers (see CMakeLists.txt).
struct EmbeddedFile {
  const char* name;
  const char* text;
};

extern const std::vector<EmbeddedFile> kBuiltinProfiles;
extern const std::vector<EmbeddedFile> kDrivers;

}  // namespace settle::embedded
