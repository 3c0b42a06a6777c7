#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace settle {

// The largest file settle reads for a user (case files, reports, expectations, preludes, engine
// profiles, test262 files): far above any real one, well below what would exhaust memory.
inline constexpr std::uint64_t kMaxInputFileBytes = std::uint64_t{1} << 30;  // 1 GiB

// The whole content of a regular file of at most `max_bytes`, or nothing, with the reason in
// `why` ("it is a folder", "it is a FIFO, not a regular file", "it is larger than 1 GiB", or the
// system's). A FIFO or a device is refused without being read, so that /dev/zero cannot fill
// memory and a FIFO without a writer cannot hang the run.
std::optional<std::string> read_text_file(const std::string& path, std::string* why = nullptr,
                                          std::uint64_t max_bytes = kMaxInputFileBytes);

}  // namespace settle
