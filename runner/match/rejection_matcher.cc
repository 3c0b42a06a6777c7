#include "runner/match/rejection_matcher.h"

#include "runner/input/json_source.h"
#include "runner/model/value_json.h"

namespace settle {
namespace {

using nlohmann::json;

std::string shortened(const json& value) {
  std::string text = value.dump();
  return text.size() > 400 ? text.substr(0, 397) + "..." : text;
}

// The kind of one event ("unhandled" or "handled") and its value; empty kind when malformed.
std::pair<std::string, const json*> event_parts(const json& event) {
  if (!event.is_object() || event.size() != 1) return {"", nullptr};
  auto it = event.begin();
  if (it.key() != "unhandled" && it.key() != "handled") return {"", nullptr};
  return {it.key(), &it.value()};
}

// Compares lists element by element; the message names the first difference.
std::optional<std::string> list_mismatch(const char* what, const json& want, const json& got,
                                         const json& globals, bool events) {
  std::size_t common = std::min(want.size(), got.size());
  for (std::size_t i = 0; i <= common; ++i) {
    std::string detail;
    if (i == common) {
      if (want.size() == got.size()) return std::nullopt;
      detail = i < want.size() ? "expected " + shortened(want[i]) + ", observed nothing"
                               : "expected nothing, observed " + shortened(got[i]);
    } else {
      const json* pattern = &want[i];
      const json* value = &got[i];
      if (events) {
        auto [want_kind, want_value] = event_parts(want[i]);
        auto [got_kind, got_value] = event_parts(got[i]);
        if (want_kind != got_kind || !got_value) {
          detail = "expected " + shortened(want[i]) + ", observed " + shortened(got[i]);
        } else {
          pattern = want_value;
          value = got_value;
        }
      }
      std::string why;
      if (detail.empty()) {
        if (value_matches(*pattern, *value, globals, &why)) continue;
        detail = why;
      }
    }
    return std::string("expected ") + what + " " + shortened(want) + "\nobserved " + what + " " +
           shortened(got) + "\nfirst difference " + what + "[" + std::to_string(i) + "]: " + detail;
  }
  return std::nullopt;
}

}  // namespace

std::optional<PatternError> check_rejections_pattern(const json& pattern, const std::string& path) {
  if (!pattern.is_array()) {
    return PatternError{path,
                        "must be an array of {\"unhandled\": pattern} or {\"handled\": pattern}"};
  }
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    std::string at = JsonSource::element_path(path, i);
    auto [kind, value] = event_parts(pattern[i]);
    if (kind.empty()) {
      return PatternError{at, "must be an object with one key, \"unhandled\" or \"handled\""};
    }
    if (auto error = check_pattern(*value, JsonSource::member_path(at, kind))) return error;
  }
  return std::nullopt;
}

json still_unhandled(const json& events) {
  json left = json::array();
  if (!events.is_array()) return left;
  for (const json& event : events) {
    auto [kind, value] = event_parts(event);
    if (kind == "unhandled") {
      left.push_back(*value);
    } else if (kind == "handled") {
      for (auto it = left.begin(); it != left.end(); ++it) {
        if (*it == *value) {
          left.erase(it);
          break;
        }
      }
    }
  }
  return left;
}

std::optional<std::string> rejections_mismatch(const Expectation& expect,
                                               const Observation& observed, bool strict) {
  bool stated = expect.unhandled || expect.rejections;
  if (!stated && !(strict && observed.rejections)) return std::nullopt;
  if (!observed.rejections) {
    return std::string(
        "the case states its unhandled rejections, and this host reports none "
        "(it tracks no rejections)");
  }
  if (expect.rejections) {
    if (auto why = list_mismatch("rejections", json_of(*expect.rejections),
                                 json_of(*observed.rejections), json_of(observed.globals), true)) {
      return why;
    }
  }
  json left = still_unhandled(json_of(*observed.rejections));
  json want = expect.unhandled ? json_of(*expect.unhandled) : json::array();
  if (expect.unhandled || !expect.rejections) {
    if (auto why = list_mismatch("unhandled", want, left, json_of(observed.globals), false)) {
      return stated ? why
                    : std::optional<std::string>(*why +
                                                 "\n(--strict-rejections: the case says nothing, "
                                                 "so nothing may be left unhandled)");
    }
  }
  return std::nullopt;
}

}  // namespace settle
