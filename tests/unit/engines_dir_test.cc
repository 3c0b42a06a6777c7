#include "engines/engines_dir.h"

#include <gtest/gtest.h>

namespace settle {
namespace {

EnginesDirInputs everything_set() {
  EnginesDirInputs inputs;
  inputs.option = "/opt/option";
  inputs.engines_env = "/opt/env";
  inputs.npm_env = "/opt/old/node_modules";
  inputs.build_folder = "/src/build";
  inputs.xdg_cache_home = "/home/u/.xdg-cache";
  inputs.home = "/home/u";
  return inputs;
}

void expect_choice(const EnginesDirInputs& inputs, const std::string& node_modules,
                   const std::string& chosen_by) {
  EnginesDir dir = choose_engines_dir(inputs);
  EXPECT_EQ(dir.node_modules.string(), node_modules);
  EXPECT_EQ(dir.chosen_by, chosen_by);
}

TEST(EnginesDir, EachSourceWinsOverTheOnesAfterIt) {
  EnginesDirInputs inputs = everything_set();
  expect_choice(inputs, "/opt/option/node_modules", "--engines-dir");
  inputs.option.reset();
  expect_choice(inputs, "/opt/env/node_modules", "SETTLE_ENGINES_DIR");
  inputs.engines_env.reset();
  expect_choice(inputs, "/opt/old/node_modules", "SETTLE_NPM_DIR");  // names node_modules itself
  inputs.npm_env.reset();
  expect_choice(inputs, "/src/build/engines/node_modules", "the build folder");
  inputs.build_folder.reset();
  expect_choice(inputs, "/home/u/.xdg-cache/settle/engines/node_modules", "XDG_CACHE_HOME");
  inputs.xdg_cache_home.reset();
  expect_choice(inputs, "/home/u/.cache/settle/engines/node_modules", "the default");
}

TEST(EnginesDir, AnEmptyValueCountsAsUnset) {
  EnginesDirInputs inputs = everything_set();
  inputs.option = "";
  inputs.engines_env = "";
  inputs.npm_env = "";
  inputs.build_folder.reset();
  inputs.xdg_cache_home = "";
  expect_choice(inputs, "/home/u/.cache/settle/engines/node_modules", "the default");
}

}  // namespace
}  // namespace settle
