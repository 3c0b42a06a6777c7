#include "reports/rollup.h"

#include <algorithm>

namespace settle {

std::string Rollup::area_of(const std::string& id) {
  std::string path = id.substr(0, id.find('#'));  // test262 runs end in #default, #strict
  std::size_t file_end = path.rfind('/');
  if (file_end == std::string::npos) return "";
  path = path.substr(0, file_end);  // a case file's path (finally/basics), a test262 test's folder
  if (id.find('#') != std::string::npos) return path;
  std::size_t folder_end = path.rfind('/');
  return folder_end == std::string::npos ? "" : path.substr(0, folder_end);
}

void Rollup::add(const Result& result) {
  if (result.test->id != case_id_) close_case();
  case_id_ = result.test->id;
  case_statuses_.push_back(result.status);
  std::string path = area_of(case_id_);
  Area* area = &root_;
  std::size_t start = 0;
  while (true) {
    Count& count = area->per_engine[result.engine];
    ++count.total;
    count.pass += result.status == Status::kPass;
    if (start >= path.size()) break;
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string name = path.substr(0, end);
    Area& child = area->children[path.substr(start, end - start)];
    child.name = path.substr(start, end - start);
    child.path = name;
    area = &child;
    start = end + 1;
  }
}

void Rollup::close_case() {
  if (case_id_.empty()) return;
  bool disagree = std::any_of(case_statuses_.begin(), case_statuses_.end(),
                              [&](Status status) { return status != case_statuses_.front(); });
  std::string path = area_of(case_id_);
  Area* area = &root_;
  std::size_t start = 0;
  while (true) {
    ++area->cases;
    area->disagreements += disagree;
    if (start >= path.size()) break;
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    area = &area->children[path.substr(start, end - start)];
    start = end + 1;
  }
  case_id_.clear();
  case_statuses_.clear();
}

const Rollup::Area& Rollup::root() {
  close_case();
  return root_;
}

std::vector<const Rollup::Area*> Rollup::ordered_children(const Area& area) {
  std::vector<const Area*> children;
  for (const auto& [name, child] : area.children) children.push_back(&child);
  std::stable_sort(children.begin(), children.end(), [](const Area* a, const Area* b) {
    return (a->disagreements > 0) > (b->disagreements > 0);
  });
  return children;
}

}  // namespace settle
