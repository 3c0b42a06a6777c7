#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "runner/explore/explore_program.h"

namespace settle {

// SplitMix64 with its own mapping to a range, so that a seed gives the same programs on every
// platform and standard library (std:: distributions differ between implementations).
class ExplorePrng {
 public:
  explicit ExplorePrng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  int below(int bound);  // 0 .. bound-1, by multiply-shift on the top 32 bits

 private:
  std::uint64_t state_;
};

// Program number `index` of `seed`: each program has its own stream, so that one can be
// regenerated from the seed and its number alone. The program uses only the features in
// `features` (test262 names: class, async-functions, async-iteration).
Program generate_program(std::uint64_t seed, std::uint64_t index,
                         const std::set<std::string>& features);

}  // namespace settle
