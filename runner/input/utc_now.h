#pragma once

#include <string>

namespace settle {

// The current time in UTC as ISO 8601 to the second ("2026-12-04T22:30:22Z"), as reports and the
// results store write it.
std::string utc_now_iso8601();

}  // namespace settle
