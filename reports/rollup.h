#pragma once

#include <map>
#include <string>
#include <vector>

#include "runner/model/result.h"

namespace settle {

// Pass/total per engine by area, at every level: a case file's folder (finally/, ordering/), or a
// test262 test's directory (test/built-ins/Promise/all). Fed results in final order (by id, then
// engine); it keeps counts per area, never the results, so it costs the same for any run.
class Rollup {
 public:
  struct Count {
    std::size_t pass = 0;
    std::size_t total = 0;
    std::size_t skip = 0;
  };
  struct Area {
    std::string name;  // the last part of its path: all
    std::string path;  // test/built-ins/Promise/all; "" for the root
    std::map<std::string, Count> per_engine;
    std::size_t cases = 0;
    std::size_t disagreements = 0;  // cases whose statuses differ among the engines that ran them
    std::size_t skipped = 0;        // cases that at least one engine skipped
    std::size_t everywhere = 0;     // cases that pass on every engine
    std::map<std::string, Area> children;
  };

  Rollup() = default;
  Rollup(const Rollup&) = delete;  // it points into its own tree
  Rollup& operator=(const Rollup&) = delete;

  void add(const Result& result);
  // The tree of areas, with every result so far counted.
  Area tree() const;

  // The area path of a case id: the folders of its case file, or a test262 test's directory.
  static std::string area_of(const std::string& id);

  // The children of `area` in the order a reader wants them: those with disagreements first, then
  // by name.
  static std::vector<const Area*> ordered_children(const Area& area);

 private:
  void close_case();
  void count_case(Area& root) const;

  Area root_;
  std::string case_id_;            // the case whose results are coming in
  std::vector<Area*> case_areas_;  // its areas, the root first
  std::vector<Status> case_statuses_;
};

}  // namespace settle
