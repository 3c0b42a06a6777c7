// The status table (runner/model/status.h): every report reads a status's name and its word in
// the final line from it, and the gate and the expectations file read which statuses fail a run.

#include "runner/model/status.h"

#include <gtest/gtest.h>

#include "reports/report_text.h"

namespace settle {
namespace {

TEST(Status, EveryStatusReadsBackFromItsName) {
  ASSERT_EQ(kAllStatuses.size(), 5u);
  for (Status status : kAllStatuses) {
    EXPECT_EQ(status_from_name(status_name(status)), status) << status_name(status);
  }
  EXPECT_EQ(status_name(Status::kTimeout), "timeout");
  EXPECT_FALSE(status_from_name("known"));
  EXPECT_FALSE(status_from_name("passed"));
}

TEST(Status, FailTimeoutAndErrorFailARunAndSkipNever) {
  EXPECT_FALSE(is_failure(Status::kPass));
  EXPECT_TRUE(is_failure(Status::kFail));
  EXPECT_FALSE(is_failure(Status::kSkip));
  EXPECT_TRUE(is_failure(Status::kTimeout));
  EXPECT_TRUE(is_failure(Status::kError));
}

TEST(Status, TheFinalLineCountsEveryStatusInTheTablesOrder) {
  Summary summary;
  summary.per_engine["duktape"].by_status = {5, 4, 3, 2, 1};
  summary.seconds = 1.5;
  EXPECT_EQ(final_line(summary),
            "settle: 5 passed, 4 failed, 3 skipped, 2 timed out, 1 errors in 1.50 s");
}

}  // namespace
}  // namespace settle
