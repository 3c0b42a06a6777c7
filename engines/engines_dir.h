#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace settle {

// Where the npm packages that some engine profiles load live ({npm} in a profile: Promise
// libraries, engine262, QuickJS), and what chose that folder, for `settle engines` to say.
struct EnginesDir {
  std::filesystem::path node_modules;  // what {npm} expands to
  std::string chosen_by;  // "--engines-dir", "SETTLE_ENGINES_DIR", "SETTLE_NPM_DIR", ...
};

// What the choice depends on; an empty string counts as unset.
struct EnginesDirInputs {
  std::optional<std::string> option;          // --engines-dir DIR
  std::optional<std::string> engines_env;     // SETTLE_ENGINES_DIR=DIR
  std::optional<std::string> npm_env;         // SETTLE_NPM_DIR: the node_modules folder itself
  std::optional<std::string> build_folder;    // the build folder settle runs from, if it does
  std::optional<std::string> xdg_cache_home;  // XDG_CACHE_HOME
  std::optional<std::string> home;            // HOME
};

// The first that is set of: --engines-dir DIR, SETTLE_ENGINES_DIR=DIR, SETTLE_NPM_DIR (older:
// names node_modules itself), the build folder's engines/ when settle runs from its build folder,
// $XDG_CACHE_HOME/settle/engines, ~/.cache/settle/engines. DIR is an npm prefix: the packages are
// in DIR/node_modules.
EnginesDir choose_engines_dir(const EnginesDirInputs& inputs);

// The choice for this process: `option` (--engines-dir; empty when not given), its environment,
// and the folder its executable is in (a build folder holds the marker file kBuildFolderMarker,
// which CMake writes). A command resolves it once and passes it to find_profile.
EnginesDir resolve_engines_dir(const std::string& option);

// The file that marks settle's build folder.
inline constexpr const char* kBuildFolderMarker = "settle-build-folder";

// The text of --help that states the precedence.
inline constexpr const char* kEnginesDirHelp =
    "Where npm-installed engines live (an npm prefix: DIR/node_modules). Else SETTLE_ENGINES_DIR, "
    "else SETTLE_NPM_DIR (node_modules itself), else the build folder's engines/ when settle runs "
    "from its build folder, else $XDG_CACHE_HOME/settle/engines (~/.cache/settle/engines)";

}  // namespace settle
