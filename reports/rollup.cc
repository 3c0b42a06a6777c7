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
  if (result.test->id != case_id_) {
    close_case();
    case_id_ = result.test->id;
    // The case's areas, from the root down, found once for all its results.
    std::string path = area_of(case_id_);
    Area* area = &root_;
    case_areas_.push_back(area);
    for (std::size_t start = 0; start < path.size();) {
      std::size_t end = std::min(path.find('/', start), path.size());
      area = &area->children[path.substr(start, end - start)];
      area->name = path.substr(start, end - start);
      area->path = path.substr(0, end);
      case_areas_.push_back(area);
      start = end + 1;
    }
  }
  case_statuses_.push_back(result.status);
  for (Area* area : case_areas_) {
    Count& count = area->per_engine[result.engine];
    ++count.total;
    count.pass += result.status == Status::kPass;
    count.skip += result.status == Status::kSkip;
  }
}

// Counts the case whose results came last into the areas of `root` along its path.
void Rollup::count_case(Area& root) const {
  if (case_id_.empty()) return;
  // Among the engines that ran the case: a skip is not a disagreement.
  const Status* first_run = nullptr;
  bool disagree = false, skipped = false;
  bool everywhere = std::all_of(case_statuses_.begin(), case_statuses_.end(),
                                [](Status status) { return status == Status::kPass; });
  for (const Status& status : case_statuses_) {
    if (status == Status::kSkip) {
      skipped = true;
    } else if (!first_run) {
      first_run = &status;
    } else {
      disagree = disagree || status != *first_run;
    }
  }
  Area* area = &root;
  for (std::size_t level = 0;; ++level) {
    ++area->cases;
    area->disagreements += disagree;
    area->skipped += skipped;
    area->everywhere += everywhere;
    if (level + 1 == case_areas_.size()) break;
    area = &area->children[case_areas_[level + 1]->name];
  }
}

void Rollup::close_case() {
  count_case(root_);
  case_id_.clear();
  case_areas_.clear();
  case_statuses_.clear();
}

Rollup::Area Rollup::tree() const {
  Area tree = root_;
  count_case(tree);
  return tree;
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
