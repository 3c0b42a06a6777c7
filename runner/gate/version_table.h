#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runner/model/status.h"

namespace settle {

// `settle versions`: the compatibility table of an engine (or several, each a group of columns)
// over its versions, as MDN's
// browser-compat-data states it, but checked: per case and per area, the first version that
// passes and the later versions where it fails again.
class VersionTable {
 public:
  // A column: one version of the engine (oldest first).
  struct Column {
    std::string engine;   // the run's engine name, "node@10.24.1"
    std::string version;  // "10.24.1"
    std::string exact;    // what the engine reported, "node v10.24.1"
    std::string group;    // the engine swept, "node": a range of its own (several -e ranges)
  };
  // A group of columns: the versions of one engine, adjacent, oldest first.
  struct Group {
    std::string name;                // "node"
    std::size_t begin = 0, end = 0;  // its columns
  };
  // A row's verdict on one group.
  struct Verdict {
    std::string first_full;                // the first version where every case passes ("" none)
    std::string first_partial;             // the first version where some pass ("" none)
    std::vector<std::string> regressions;  // after first_full, versions where not all pass
  };
  // The support of one row on one version.
  enum class Support { kFull, kPartial, kNone };
  struct Row {
    std::string name;  // an area ("finally", "finally/ordering") or a case id
    bool is_case = false;
    std::vector<std::string> cases;     // the case ids it covers (a case: itself)
    std::vector<std::size_t> pass;      // per column: cases that pass
    std::vector<std::size_t> total;     // per column: cases that ran or skipped
    std::vector<std::string> statuses;  // a case, per column: its status
    std::vector<Verdict> verdicts;      // per group

    Support support(std::size_t column) const;
  };

  // The columns of a group are adjacent; columns without a group make one.
  explicit VersionTable(std::vector<Column> columns);

  // One result, of any column's engine; results of other engines are ignored.
  void add(const std::string& id, const std::string& engine, Status status);

  // The rows: every area (the folders and file of each case), then its cases, ordered by name.
  std::vector<Row> rows() const;

  const std::vector<Column>& columns() const { return columns_; }
  const std::vector<Group>& groups() const { return groups_; }

  // The areas of a case id: each folder of its case file, and the file ("finally",
  // "finally/ordering" for finally/ordering/some-case).
  static std::vector<std::string> areas_of(const std::string& id);

 private:
  std::vector<Column> columns_;
  std::vector<Group> groups_;
  std::map<std::string, std::size_t> column_of_;
  std::map<std::string, std::vector<std::optional<Status>>> statuses_;  // by case id, per column
};

}  // namespace settle
