#include "engines/engines_dir.h"

#include <cstdlib>
#include <system_error>

namespace settle {
namespace {

std::optional<std::string> given(const std::optional<std::string>& value) {
  return value && !value->empty() ? value : std::nullopt;
}

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? std::optional<std::string>(value) : std::nullopt;
}

// The folder of the running executable, when it is a settle build folder.
std::optional<std::string> build_folder() {
  std::error_code error;
  std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return std::nullopt;
  std::filesystem::path folder = executable.parent_path();
  if (!std::filesystem::exists(folder / kBuildFolderMarker, error)) return std::nullopt;
  return folder.string();
}

}  // namespace

EnginesDir choose_engines_dir(const EnginesDirInputs& inputs) {
  namespace fs = std::filesystem;
  if (auto dir = given(inputs.option)) return {fs::path(*dir) / "node_modules", "--engines-dir"};
  if (auto dir = given(inputs.engines_env)) {
    return {fs::path(*dir) / "node_modules", "SETTLE_ENGINES_DIR"};
  }
  if (auto dir = given(inputs.npm_env)) return {fs::path(*dir), "SETTLE_NPM_DIR"};
  if (auto dir = given(inputs.build_folder)) {
    return {fs::path(*dir) / "engines" / "node_modules", "the build folder"};
  }
  if (auto dir = given(inputs.xdg_cache_home)) {
    return {fs::path(*dir) / "settle" / "engines" / "node_modules", "XDG_CACHE_HOME"};
  }
  fs::path home = given(inputs.home).value_or("/");
  return {home / ".cache" / "settle" / "engines" / "node_modules", "the default"};
}

EnginesDir resolve_engines_dir(const std::string& option) {
  EnginesDirInputs inputs;
  inputs.option = option;
  inputs.engines_env = environment("SETTLE_ENGINES_DIR");
  inputs.npm_env = environment("SETTLE_NPM_DIR");
  inputs.build_folder = build_folder();
  inputs.xdg_cache_home = environment("XDG_CACHE_HOME");
  inputs.home = environment("HOME");
  EnginesDir chosen = choose_engines_dir(inputs);
  // Absolute: {npm} reaches drivers, which run in other folders and take a bare relative path
  // for a package name (node's require).
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(chosen.node_modules, error);
  if (!error) chosen.node_modules = absolute.lexically_normal();
  return chosen;
}

}  // namespace settle
