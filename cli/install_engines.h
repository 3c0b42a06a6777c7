#pragma once

#include <string>
#include <vector>

#include "cli/exit_status.h"
#include "engines/engines_dir.h"

namespace settle::cli {

// `settle engines --install NAME...`: installs what the profiles named ("all": every built-in
// one) need. npm packages go into `engines` at settle's pinned versions; missing Debian
// packages are installed with apt-get when `yes` and root, else the apt-get line is printed.
// Throws CliError (bad input) for an unknown name; returns kRunnerFailed when something could not
// be installed, else kOk. Progress goes to stderr; stdout stays for engine lines.
ExitStatus install_engines(const std::vector<std::string>& names, bool yes,
                           const EnginesDir& engines);

}  // namespace settle::cli
