#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "reports/atomic_file.h"

namespace settle {

// Writes one JSON object to a file member by member, laid out as nlohmann's dump(2) lays it out,
// so that a member as large as a run's results can come from a spill file, in the order the
// caller chooses.
class JsonObjectWriter {
 public:
  explicit JsonObjectWriter(AtomicFileWriter& out);  // writes the opening brace
  void member(const std::string& key, const nlohmann::json& value);
  // An array member whose `count` elements `elements` holds, each already indented as an element
  // of this object's member array stands and separated by ",\n".
  void array_member(const std::string& key, const SpillFile* elements, std::size_t count);
  void close();  // the closing brace and a newline

  // `value` as dump(2) writes it, indented by `indent` more spaces after each newline.
  static std::string indented(const nlohmann::json& value, std::size_t indent);

 private:
  void key(const std::string& name);

  AtomicFileWriter& out_;
  bool first_ = true;
};

}  // namespace settle
