#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engines/duktape/duktape_engine.h"
#include "observed.h"

namespace settle::testing {

// Runs code on a Duktape engine instance, as the scheduler would, and returns what it observed.
class DuktapeTest : public ::testing::Test {
 protected:
  explicit DuktapeTest(EngineOptions options = {})
      : factory_(std::make_unique<DuktapeEngineFactory>(
            find_profile("duktape", resolve_engines_dir("")), std::move(options))),
        engine_(factory_->create()) {}

  Observation run(const std::string& code, bool strict = false, int timeout_ms = 5000,
                  std::vector<std::string> watched = {}) {
    cases_.push_back(std::make_unique<Case>());
    Case& test = *cases_.back();
    test.id = "test/case";
    test.code = code;
    test.strict = strict;
    Job job;
    job.test = &test;
    job.timeout = std::chrono::milliseconds(timeout_ms);
    job.watched_globals = std::move(watched);
    return engine_->run(job);
  }

  // The completion value of `code`, which must complete normally with a non-thenable.
  nlohmann::json value_of(const std::string& code) {
    Observation observed = run(code);
    EXPECT_FALSE(observed.uncaught) << *observed.uncaught;
    EXPECT_EQ(observed.state(), Outcome::kReturns)
        << fault_text(observed) << value_json(observed).dump();
    return value_json(observed);
  }

  std::unique_ptr<DuktapeEngineFactory> factory_;
  std::unique_ptr<Engine> engine_;
  std::vector<std::unique_ptr<Case>> cases_;
};

}  // namespace settle::testing
