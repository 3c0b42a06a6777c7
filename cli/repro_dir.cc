#include "cli/repro_dir.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/cli_error.h"
#include "engines/repro_script.h"
#include "reports/atomic_file.h"
#include "reports/result_json.h"

namespace settle::cli {
namespace {

// finally/basics/name#strict -> finally__basics__name.strict
std::string file_stem(const std::string& id) {
  std::string stem;
  for (char c : id) {
    if (c == '/')
      stem += "__";
    else if (c == '#')
      stem += '.';
    else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
      stem += c;
    else
      stem += '_';
  }
  return stem;
}

}  // namespace

ReproDirReporter::ReproDirReporter(std::string folder, std::map<std::string, Engine> engines)
    : folder_(std::move(folder)), engines_(std::move(engines)) {}

void ReproDirReporter::add(const Result& result) {
  if (!is_failure(result.status) || result.known_failure) return;
  auto engine = engines_.find(result.engine);
  if (engine == engines_.end()) return;
  const Case& test = *result.test;
  std::string file = file_stem(test.id) + "." + file_stem(result.engine) + ".js";
  try {
    ReproScript script =
        make_repro_script(engine->second.profile, engine->second.preludes, test, file,
                          {"expected: " + expected_json(test.expect).dump(),
                           "settle observed (" + std::string(status_name(result.status)) +
                               "): " + observed_json(result.observed).dump()});
    std::filesystem::create_directories(folder_);
    std::ofstream out(std::filesystem::path(folder_) / file, std::ios::trunc);
    out << script.text;
    out.close();
    if (!out) throw ReportWriteError("cannot write " + folder_ + "/" + file);
    ++written_;
  } catch (const ProfileError& error) {
    auto& [count, why] = unwritten_[result.engine];
    ++count;
    why = error.what();
  } catch (const std::filesystem::filesystem_error& error) {
    throw ReportWriteError(error.what());
  }
}

void ReproDirReporter::end(const Summary&) {
  for (const auto& [engine, unwritten] : unwritten_) {
    say("no repro of " + std::to_string(unwritten.first) + " failure" +
        (unwritten.first == 1 ? "" : "s") + " on " + engine + ": " + unwritten.second);
  }
  if (written_) {
    say(std::to_string(written_) + " repro script" + (written_ == 1 ? "" : "s") + " in " + folder_ +
        " (each says how to run it)");
  }
}

}  // namespace settle::cli
