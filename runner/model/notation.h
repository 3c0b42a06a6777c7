#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace settle {

// Helpers for the value notation shared by patterns and observed values (docs/design.md). A real
// object key that begins with `$` is written with one more `$` (`$$x` stands for the key `$x`),
// so that tags such as `{"$": "undefined"}` never collide with data.

// Whether an object key is a tag (`$`, `$error`, ...) rather than an escaped `$$` data key.
bool is_tag_key(const std::string& key);

// The tag of a tagged object (`$`, `$error`, `$same`, ...), or empty for any other value.
std::string tag_of(const nlohmann::json& value);

// One-line text of a value for messages; invalid UTF-8 is replaced, long texts are shortened.
std::string compact(const nlohmann::json& value, std::size_t max_length = 200);

}  // namespace settle
