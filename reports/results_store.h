#pragma once

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "runner/gate/report_reader.h"

namespace SQLite {
class Database;
}

namespace settle {

// A store that cannot be used: not a SQLite file, not settle's, of a newer schema (exit 2).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `--store FILE` (SETTLE_STORE): every run recorded in SQLite, as test262.fyi and wpt.fyi keep
// their history, but per case. The schema is versioned (PRAGMA user_version) and migrated
// forwards on open; a run is written in one transaction, so a store killed mid-write opens with
// every committed run, and two writers wait for each other (busy timeout) instead of losing one.
class ResultsStore {
 public:
  // The schema version this settle writes.
  static constexpr int kSchemaVersion = 1;

  // Opens (creating it when missing) and migrates. Throws StoreError.
  explicit ResultsStore(const std::string& path);
  ~ResultsStore();

  struct RunRecord {
    long long id = 0;
    std::string started;
    std::string settle_version;
    std::string cases_digest;    // of the case files' text
    std::string test262_commit;  // when the run had a test262 checkout
    std::string settings;        // JSON
    bool complete = true;
    std::map<std::string, std::string> engines;  // name -> exact version
  };
  struct ResultRecord {
    std::string case_id;
    std::string engine;
    std::string status;
    std::string observation_digest;
    std::string message;
    double duration_ms = 0;
  };

  // Records a run read from its JSON report; returns its id. Throws StoreError.
  long long record(const LoadedReport& report, const std::string& test262_commit = "");

  std::vector<RunRecord> runs() const;                        // oldest first
  std::vector<ResultRecord> results(long long run_id) const;  // by case, then engine
  // One case's results over the runs: (run id, result), oldest first.
  std::vector<std::pair<long long, ResultRecord>> case_history(const std::string& case_id) const;

 private:
  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
};

// The observation digest a store keeps: FNV-1a 64 of the observation's JSON, in hex.
std::string digest_text(const std::string& text);

}  // namespace settle
