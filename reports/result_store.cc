#include "reports/result_store.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace settle {
namespace {

constexpr std::uint64_t kChunkBytes = 256u << 10;
constexpr std::size_t kLengthBytes = 4;  // each record is preceded by its length, little-endian

std::string length_prefix(std::size_t length) {
  std::string prefix(kLengthBytes, '\0');
  for (std::size_t i = 0; i < kLengthBytes; ++i) {
    prefix[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
  }
  return prefix;
}

std::uint64_t length_of(std::string_view prefix) {
  std::uint64_t length = 0;
  for (std::size_t i = 0; i < kLengthBytes; ++i) {
    length |= std::uint64_t{static_cast<unsigned char>(prefix[i])} << (8 * i);
  }
  return length;
}

// Reads a spill file from its start a chunk at a time, however its records fall across chunks.
class SpillReader {
 public:
  explicit SpillReader(const SpillFile& spill) : spill_(spill) {}

  // The next `length` bytes, valid until the next call.
  std::string_view take(std::uint64_t length) {
    if (buffer_.size() - position_ < length) refill(length);
    std::string_view bytes(buffer_.data() + position_, length);
    position_ += length;
    return bytes;
  }

 private:
  void refill(std::uint64_t length) {
    buffer_.erase(0, position_);
    position_ = 0;
    std::uint64_t wanted = std::max(length - buffer_.size(), kChunkBytes);
    wanted = std::min(wanted, spill_.size() - next_offset_);
    if (buffer_.size() + wanted < length) {
      throw ResultsUnreadable("the run's results cannot be read back: their file is shorter");
    }
    spill_.read(next_offset_, wanted, chunk_);
    buffer_ += chunk_;
    next_offset_ += wanted;
  }

  const SpillFile& spill_;
  std::string buffer_;
  std::string chunk_;
  std::size_t position_ = 0;
  std::uint64_t next_offset_ = 0;
};

}  // namespace

ResultStore::ResultStore(const std::string& folder) {
  std::filesystem::path place = folder;
  if (place.empty()) {
    std::error_code error;
    place = std::filesystem::temp_directory_path(error);
    if (error) place = "/tmp";
  }
  near_path_ = (place / "settle-results").string();  // SpillFile names it .settle-results.XXXXXX
}

void ResultStore::add(const Result& result) {
  if (!spill_) spill_ = std::make_unique<SpillFile>(near_path_);
  std::string record = encode_result(result);
  spill_->append(length_prefix(record.size()));
  spill_->append(record);
  ++count_;
}

void ResultStore::for_each(const std::function<void(StoredResult&)>& visit) const {
  if (!spill_) return;
  if (!spill_->error().empty()) {
    throw ResultsUnreadable("the run's results could not be kept in a temporary file: " +
                            spill_->reason());
  }
  SpillReader reader(*spill_);
  StoredResult stored;
  for (std::size_t i = 0; i < count_; ++i) {
    std::uint64_t length = length_of(reader.take(kLengthBytes));
    decode_result(reader.take(length), stored);
    visit(stored);
  }
}

}  // namespace settle
