#include "runner/run/run_settings.h"

#include <charconv>

namespace settle {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += ',';
    text += items[i];
  }
  return text;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  std::size_t start = 0;
  for (std::size_t comma; (comma = text.find(',', start)) != std::string::npos; start = comma + 1)
    items.push_back(text.substr(start, comma - start));
  items.push_back(text.substr(start));
  return items;
}

// A number in the one text a report gives it (decimal, no sign, no leading zero), so that a
// report read back and written again says the same.
template <class Number>
std::optional<Number> canonical_number(const std::string& text) {
  Number number{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (std::to_string(number) != text) return std::nullopt;
  return number;
}

std::string lower_text(const std::vector<std::pair<std::string, std::string>>& lower) {
  std::vector<std::string> items;
  for (const auto& [engine, level] : lower) items.push_back(engine + "=" + level);
  return joined(items);
}

std::optional<std::vector<std::pair<std::string, std::string>>> parse_lower(
    const std::string& text) {
  std::vector<std::pair<std::string, std::string>> lower;
  for (const std::string& item : split(text)) {
    std::size_t equals = item.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == item.size()) {
      return std::nullopt;
    }
    lower.emplace_back(item.substr(0, equals), item.substr(equals + 1));
  }
  if (lower.empty() || lower_text(lower) != text) return std::nullopt;
  return lower;
}

}  // namespace

std::map<std::string, std::string> RunSettings::by_name() const {
  std::map<std::string, std::string> settings = others;
  auto list = [&](const char* name, const std::optional<std::vector<std::string>>& items) {
    if (items) settings[name] = joined(*items);
  };
  list("engines", engines);
  list("paths", paths);
  list("filters", filters);
  list("preludes", preludes);
  if (timeout_ms) settings["timeout_ms"] = std::to_string(*timeout_ms);
  if (jobs) settings["jobs"] = std::to_string(*jobs);
  if (shard) settings["shard"] = shard->text();
  if (expectations) settings["expectations"] = *expectations;
  if (strict_expectations) settings["strict_expectations"] = "true";
  if (strict_rejections) settings["strict_rejections"] = "true";
  if (maxfail) settings["maxfail"] = std::to_string(*maxfail);
  if (baseline) settings["baseline"] = *baseline;
  if (!lower.empty()) settings["lower"] = lower_text(lower);
  return settings;
}

void RunSettings::set(const std::string& name, std::string value) {
  if (!set_typed(name, value)) others[name] = std::move(value);
}

bool RunSettings::set_typed(const std::string& name, const std::string& value) {
  auto assign = [](auto& member, auto parsed) {
    if (parsed) member = std::move(parsed);
    return parsed.has_value();
  };
  if (name == "engines") return assign(engines, std::optional(split(value)));
  if (name == "paths") return assign(paths, std::optional(split(value)));
  if (name == "filters") return assign(filters, std::optional(split(value)));
  if (name == "preludes") return assign(preludes, std::optional(split(value)));
  if (name == "expectations") return assign(expectations, std::optional(value));
  if (name == "baseline") return assign(baseline, std::optional(value));
  if (name == "timeout_ms") return assign(timeout_ms, canonical_number<int>(value));
  if (name == "jobs") return assign(jobs, canonical_number<unsigned>(value));
  if (name == "maxfail") return assign(maxfail, canonical_number<std::size_t>(value));
  if (name == "shard") {
    std::optional<Shard> slice = parse_shard(value);
    return assign(shard, slice && slice->text() == value ? slice : std::nullopt);
  }
  if (name == "strict_expectations") return value == "true" && (strict_expectations = true);
  if (name == "strict_rejections") return value == "true" && (strict_rejections = true);
  if (name == "lower") {
    auto levels = parse_lower(value);
    if (levels) lower = std::move(*levels);
    return levels.has_value();
  }
  return false;
}

}  // namespace settle
