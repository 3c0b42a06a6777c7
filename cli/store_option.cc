#include "cli/store_option.h"

#include <cstdlib>

namespace settle::cli {

void add_store_option(CLI::App& command, std::string& path) {
  command.add_option("--store", path,
                     "Record every run in this SQLite results store (else SETTLE_STORE); "
                     "settle history reads it");
}

std::string store_path_of(const std::string& option) {
  if (!option.empty()) return option;
  const char* environment = std::getenv("SETTLE_STORE");
  return environment && *environment ? environment : "";
}

}  // namespace settle::cli
