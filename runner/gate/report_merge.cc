#include "runner/gate/report_merge.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "runner/run/shard.h"

namespace settle {
namespace {

void check_shards(const std::vector<LoadedReport>& parts) {
  std::map<std::size_t, const LoadedReport*> seen;
  std::size_t count = 0;
  for (const LoadedReport& part : parts) {
    const auto unread = part.run.settings.others.find("shard");
    if (unread != part.run.settings.others.end()) {
      throw MergeError(part.source + ": settings.shard is not I/N: " + unread->second);
    }
    const std::optional<Shard>& shard = part.run.settings.shard;
    if (!shard) {
      if (count) throw MergeError(part.source + " is not a shard, but other reports are");
      continue;
    }
    if (count == 0 && &part != &parts.front()) {
      throw MergeError(part.source + " is a shard, but " + parts.front().source + " is not");
    }
    if (count && shard->count != count) {
      throw MergeError(part.source + " is shard " + shard->text() + ", but another report is of " +
                       std::to_string(count) + " shards");
    }
    count = shard->count;
    auto [it, added] = seen.emplace(shard->index, &part);
    if (!added) {
      throw MergeError("shard " + shard->text() + " is given twice: " + it->second->source +
                       " and " + part.source);
    }
  }
  for (std::size_t index = 1; index <= count; ++index) {
    if (!seen.count(index)) {
      throw MergeError("shard " + Shard{index, count}.text() +
                       " is missing: merge needs every shard of the run");
    }
  }
}

bool same_error(const InputError& a, const InputError& b) {
  return a.file() == b.file() && a.where().line == b.where().line &&
         a.where().column == b.where().column && a.field() == b.field() &&
         a.message() == b.message();
}

}  // namespace

LoadedReport merge_reports(std::vector<LoadedReport> parts) {
  if (parts.empty()) throw MergeError("no reports to merge");
  check_shards(parts);

  LoadedReport merged;
  merged.source = "merged";
  const LoadedReport& first = parts.front();
  merged.run.settle_version = first.run.settle_version;
  merged.run.settings = first.run.settings;
  merged.run.settings.shard.reset();
  merged.run.started = first.run.started;

  std::map<std::string, Case*> cases;
  std::map<std::pair<std::string, std::string>, std::string> sources;  // (id, engine) -> file
  std::map<std::string, EngineInfo> engines;
  for (LoadedReport& part : parts) {
    if (!part.run.started.empty() &&
        (merged.run.started.empty() || part.run.started < merged.run.started)) {
      merged.run.started = part.run.started;  // ISO 8601 in UTC sorts as text
    }
    merged.complete = merged.complete && part.complete;
    merged.seconds += part.seconds;
    for (const EngineInfo& engine : part.run.engines) engines.try_emplace(engine.name, engine);
    for (const InputError& error : part.run.load_errors) {
      bool known = std::any_of(merged.run.load_errors.begin(), merged.run.load_errors.end(),
                               [&](const InputError& seen) { return same_error(seen, error); });
      if (!known) merged.run.load_errors.push_back(error);
    }
    for (Result& result : part.results) {
      auto [source, added] = sources.try_emplace({result.test->id, result.engine}, part.source);
      if (!added) {
        throw MergeError(result.test->id + " on " + result.engine + " is in both " +
                         source->second + " and " + part.source +
                         ": the reports overlap (shards of different runs?)");
      }
      Case*& test = cases[result.test->id];
      if (!test) test = &merged.cases.emplace_back(*result.test);
      result.test = test;
      merged.results.push_back(std::move(result));
    }
  }
  for (auto& [name, engine] : engines) merged.run.engines.push_back(std::move(engine));
  std::stable_sort(merged.results.begin(), merged.results.end(),
                   [](const Result& a, const Result& b) {
                     return std::tie(a.test->id, a.engine) < std::tie(b.test->id, b.engine);
                   });
  return merged;
}

}  // namespace settle
