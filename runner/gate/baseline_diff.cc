#include "runner/gate/baseline_diff.h"

#include <map>
#include <set>

namespace settle {
namespace {

using Key = std::pair<std::string_view, std::string_view>;  // id, engine: the report's order

std::map<Key, const ResultFact*> by_key(const std::vector<ResultFact>& results) {
  std::map<Key, const ResultFact*> keyed;
  for (const ResultFact& result : results) keyed[{result.id(), result.engine()}] = &result;
  return keyed;
}

std::set<std::string, std::less<>> engines_of(const std::vector<ResultFact>& results) {
  std::set<std::string, std::less<>> engines;
  for (const ResultFact& result : results) engines.insert(std::string(result.engine()));
  return engines;
}

}  // namespace

BaselineDiff diff_results(const std::vector<ResultFact>& before,
                          const std::vector<ResultFact>& after) {
  BaselineDiff diff;
  std::set<std::string, std::less<>> engines_before = engines_of(before),
                                     engines_after = engines_of(after);
  for (const std::string& engine : engines_before) {
    if (!engines_after.count(engine)) diff.engines_only_before.push_back(engine);
  }
  for (const std::string& engine : engines_after) {
    if (!engines_before.count(engine)) diff.engines_only_after.push_back(engine);
  }

  std::map<Key, const ResultFact*> old_results = by_key(before), new_results = by_key(after);
  std::set<Key> keys;
  for (const auto& [key, result] : old_results) {
    if (engines_after.count(key.second)) keys.insert(key);
  }
  for (const auto& [key, result] : new_results) {
    if (engines_before.count(key.second)) keys.insert(key);
  }
  for (const Key& key : keys) {
    auto old_found = old_results.find(key);
    auto new_found = new_results.find(key);
    const ResultFact* old_result = old_found == old_results.end() ? nullptr : old_found->second;
    const ResultFact* new_result = new_found == new_results.end() ? nullptr : new_found->second;
    OutcomeChange change;
    change.id = key.first;
    change.engine = key.second;
    if (old_result) {
      change.before = old_result->status();
      change.before_message = old_result->message();
    }
    if (new_result) {
      change.after = new_result->status();
      change.after_message = new_result->message();
    }
    if (!old_result) {
      diff.added.push_back(change);
    } else if (!new_result) {
      diff.removed.push_back(change);
    } else if (*change.before == Status::kPass && *change.after != Status::kPass) {
      diff.regressions.push_back(change);
    } else if (*change.before != Status::kPass && *change.after == Status::kPass) {
      diff.fixes.push_back(change);
    } else if (*change.before != Status::kPass &&
               (change.before != change.after || change.before_message != change.after_message)) {
      diff.changed.push_back(change);
    }
  }
  return diff;
}

}  // namespace settle
