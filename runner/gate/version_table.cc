#include "runner/gate/version_table.h"

#include <set>

namespace settle {

VersionTable::Support VersionTable::Row::support(std::size_t column) const {
  if (total[column] != 0 && pass[column] == total[column]) return Support::kFull;
  return pass[column] != 0 ? Support::kPartial : Support::kNone;
}

VersionTable::VersionTable(std::vector<Column> columns) : columns_(std::move(columns)) {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    column_of_[columns_[i].engine] = i;
    if (groups_.empty() || groups_.back().name != columns_[i].group)
      groups_.push_back({columns_[i].group, i, i});
    groups_.back().end = i + 1;
  }
}

void VersionTable::add(const std::string& id, const std::string& engine, Status status) {
  auto column = column_of_.find(engine);
  if (column == column_of_.end()) return;
  auto& statuses = statuses_[id];
  statuses.resize(columns_.size());
  statuses[column->second] = status;
}

std::vector<std::string> VersionTable::areas_of(const std::string& id) {
  std::vector<std::string> areas;
  auto file_end = id.rfind('/');
  if (file_end == std::string::npos) return areas;
  std::string file = id.substr(0, file_end);
  for (auto at = file.find('/'); at != std::string::npos; at = file.find('/', at + 1))
    areas.push_back(file.substr(0, at));
  areas.push_back(file);
  return areas;
}

std::vector<VersionTable::Row> VersionTable::rows() const {
  const std::size_t width = columns_.size();
  std::map<std::string, Row> areas;
  std::map<std::string, Row> cases;
  for (const auto& [id, statuses] : statuses_) {
    Row& row = cases[id];
    row.name = id;
    row.is_case = true;
    row.cases = {id};
    row.pass.assign(width, 0);
    row.total.assign(width, 0);
    row.statuses.assign(width, "");
    for (std::size_t column = 0; column < width; ++column) {
      if (!statuses[column]) continue;
      row.statuses[column] = std::string(status_info(*statuses[column]).name);
      row.total[column] = 1;
      row.pass[column] = *statuses[column] == Status::kPass ? 1 : 0;
    }
    for (const std::string& name : areas_of(id)) {
      Row& area = areas[name];
      if (area.name.empty()) {
        area.name = name;
        area.pass.assign(width, 0);
        area.total.assign(width, 0);
        area.statuses.assign(width, "");
      }
      area.cases.push_back(id);
      for (std::size_t column = 0; column < width; ++column) {
        area.pass[column] += row.pass[column];
        area.total[column] += row.total[column];
      }
    }
  }
  // An area, then its cases and sub-areas, by name: "finally" < "finally/basics" <
  // "finally/basics/x" sorts so already, as the maps hold them.
  std::map<std::string, Row> all = std::move(areas);
  for (auto& [id, row] : cases) all.emplace(id + "\x01", std::move(row));
  std::vector<Row> ordered;
  for (auto& [key, row] : all) {
    for (const Group& group : groups_) {
      Verdict& verdict = row.verdicts.emplace_back();
      for (std::size_t column = group.begin; column < group.end; ++column) {
        Support support = row.support(column);
        if (support != Support::kNone && verdict.first_partial.empty())
          verdict.first_partial = columns_[column].version;
        if (support == Support::kFull && verdict.first_full.empty()) {
          verdict.first_full = columns_[column].version;
        } else if (!verdict.first_full.empty() && support != Support::kFull &&
                   row.total[column] != 0) {
          verdict.regressions.push_back(columns_[column].version);
        }
      }
    }
    ordered.push_back(std::move(row));
  }
  return ordered;
}

}  // namespace settle
