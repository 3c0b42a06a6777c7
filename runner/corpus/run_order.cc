#include "runner/corpus/run_order.h"

#include <algorithm>

namespace settle {

RunOrder run_order(const std::vector<std::optional<IdRange>>& ranges) {
  std::vector<std::size_t> by_first;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (ranges[i]) by_first.push_back(i);
  }
  std::stable_sort(by_first.begin(), by_first.end(), [&](std::size_t a, std::size_t b) {
    return ranges[a]->first < ranges[b]->first;
  });
  RunOrder order;
  const std::string* group_last = nullptr;
  std::size_t group_start = 0;
  auto end_group = [&] {
    std::sort(order.files.begin() + static_cast<std::ptrdiff_t>(group_start), order.files.end());
    order.group_ends.push_back(order.files.size());
    group_start = order.files.size();
  };
  for (std::size_t file : by_first) {
    const IdRange& range = *ranges[file];
    // A file joins the group when its first id is not past the group's last: equal ids too, whose
    // order is then the files' discovery order.
    bool joins = group_last && range.first <= *group_last;
    if (group_last && !joins) end_group();
    if (!joins || range.last > *group_last) group_last = &range.last;
    order.files.push_back(file);
  }
  if (!order.files.empty()) end_group();
  return order;
}

}  // namespace settle
