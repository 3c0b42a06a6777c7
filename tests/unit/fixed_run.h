#pragma once

// A run fixed to the byte, for the golden tests of the Markdown and HTML reports
// (report_golden_test.cc): three engines, cases in two areas and at the top, disagreements,
// failures with messages that need escaping, a known failure, a timeout, a case one engine lacks,
// and a gate with expectations and a baseline.

#include <string>
#include <vector>

#include "results_fixture.h"
#include "runner/gate/baseline_diff.h"
#include "runner/gate/summary.h"

namespace settle::testing {

struct FixedRun {
  RunInfo run;
  std::vector<Result> results;
  Summary summary;
};

inline FixedRun fixed_run(Results& make) {
  FixedRun fixed;
  fixed.run.settle_version = "0.1.0";
  fixed.run.started = "2025-03-01T10:00:00Z";
  fixed.run.engines.push_back(EngineInfo{"duktape", "duktape 2.7.0", AdapterKind::kDuktape, {}});
  fixed.run.engines.push_back(EngineInfo{"jsc", "jsc <2.50>", AdapterKind::kProcess, {}});
  fixed.run.engines.push_back(EngineInfo{"node", "node v20 | lts", AdapterKind::kProcess, {}});
  fixed.run.settings.baseline = "main.json";
  fixed.run.settings.engines = {"duktape", "jsc", "node"};
  const std::vector<std::string> engines = {"duktape", "jsc", "node"};
  for (int i = 0; i < 12; ++i) {
    std::string area = i < 5 ? "alpha/sub" : i < 10 ? "beta" : "top";
    std::string id = area + "/file/case-" + std::to_string(i);
    for (std::size_t e = 0; e < engines.size(); ++e) {
      if (i == 7 && engines[e] == "jsc") continue;  // a case one engine has no result for
      Status status = Status::kPass;
      std::string message;
      if ((i % 3 == 0 && e == 1) || (i == 4 && e != 0)) {
        status = Status::kFail;
        message = "expected fulfilled 1, observed rejected <TypeError> | \"x\"\nsecond line";
      }
      if (i == 9 && e == 2) status = Status::kTimeout;
      if (i == 10) status = Status::kSkip;
      if (i == 11 && e == 0) {
        status = Status::kError;
        message = std::string(500, 'm') + " \xc3\xa9 long";
      }
      Result& result = make.add(fixed.results, id, engines[e], status, message);
      result.duration_ms = 0.25 * (i + 1) * (e + 1);
      if (i == 3 && e == 1) result.known_failure = "known: jsc's then";
      if (i == 2) {
        result.observed.log =
            value_of(nlohmann::json::array({"</script><script>alert(1)</script>", 2}));
        result.observed.printed = "printed\n";
      }
      if (i == 5) result.observed.globals = value_of({{"subject", "x"}});
    }
  }
  const std::string hostile_id = "zeta/<b>&amp;\"q\"/::error file=x,line=1::pwn ]]> `x` | y";
  const std::string hostile_message =
      "100% ]]><!-- --> <script>\r\n::warning::no\x1b[31mred\x1b[0m\x01\x7f \xff\xfe bad\ttab";
  for (std::size_t e = 0; e < engines.size(); ++e) {
    Result& result =
        make.add(fixed.results, hostile_id, engines[e], e == 1 ? Status::kPass : Status::kFail,
                 e == 1 ? "" : hostile_message);
    result.duration_ms = 0.5;
    result.observed.printed = "\x1b]0;title\x07printed </pre> & ]]>\n";
    result.observed.log = value_of(nlohmann::json::array({"%0A::error::x", "\u2028 line sep"}));
  }
  for (const Result& result : fixed.results) fixed.summary.add(result);
  fixed.summary.seconds = 1.5;
  GateOutcome& gate = fixed.summary.gate;
  gate.expectations_used = true;
  gate.known_failures = 1;
  gate.unexpected_failures.push_back({"alpha/sub/file/case-0", "jsc", "fail (not listed)"});
  gate.unexpected_passes.push_back({"beta/file/case-6", "node", "passes, listed as fail"});
  std::vector<Result> before;
  make.add(before, "alpha/sub/file/case-1", "duktape", Status::kFail);
  make.add(before, "alpha/sub/file/case-4", "node", Status::kPass);
  gate.baseline = diff_results(facts_of(before), facts_of(fixed.results));
  return fixed;
}

}  // namespace settle::testing
