#include "reports/results_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "reports/result_json.h"
#include "runner/input/utc_now.h"

namespace settle {
namespace {

// 'STLE': marks a SQLite file as a settle store (PRAGMA application_id).
constexpr int kApplicationId = 0x53544c45;

// Migration i takes the schema from version i to i + 1.
const std::vector<std::string> kMigrations = {
    R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started TEXT NOT NULL,
  recorded TEXT NOT NULL,
  settle_version TEXT NOT NULL,
  cases_digest TEXT NOT NULL,
  test262_commit TEXT NOT NULL,
  settings TEXT NOT NULL,
  complete INTEGER NOT NULL
);
CREATE TABLE run_engines (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  PRIMARY KEY (run_id, name)
);
CREATE TABLE results (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  case_id TEXT NOT NULL,
  engine TEXT NOT NULL,
  status TEXT NOT NULL,
  observation_digest TEXT NOT NULL,
  message TEXT NOT NULL,
  duration_ms REAL NOT NULL,
  PRIMARY KEY (run_id, case_id, engine)
);
CREATE INDEX results_by_case ON results (case_id, engine, run_id);
)sql",
};

int pragma(SQLite::Database& db, const std::string& name) {
  return db.execAndGet("PRAGMA " + name).getInt();
}

// The case files' text, digested in path order: two runs of the same files have one digest.
std::string cases_digest(const LoadedReport& report) {
  std::set<std::string> files;
  for (const Case& test : report.cases) files.insert(test.file);
  std::string all;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    all += file + '\0' + text.str() + '\0';
  }
  return digest_text(all);
}

}  // namespace

std::string digest_text(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

ResultsStore::ResultsStore(const std::string& path) : path_(path) {
  try {
    db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                             /*busy timeout ms=*/120000);
    int version = pragma(*db_, "user_version");  // reads the header: a non-SQLite file throws
    int application = pragma(*db_, "application_id");
    int tables = db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    if (application != kApplicationId && (version != 0 || tables != 0)) {
      throw StoreError(path + " is a SQLite file but not a settle store");
    }
    if (version > kSchemaVersion) {
      throw StoreError(path + " is a settle store of schema " + std::to_string(version) +
                       ", newer than this settle's (" + std::to_string(kSchemaVersion) +
                       "): use a newer settle");
    }
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = FULL");
    if (version < kSchemaVersion) {
      SQLite::Transaction migrate(*db_, SQLite::TransactionBehavior::IMMEDIATE);
      version = pragma(*db_, "user_version");  // another settle may have migrated meanwhile
      for (; version < kSchemaVersion; ++version) db_->exec(kMigrations[version]);
      db_->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      db_->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
      migrate.commit();
    }
  } catch (const SQLite::Exception& error) {
    throw StoreError(path + " cannot be used as a results store: " + error.what());
  }
}

ResultsStore::~ResultsStore() = default;

long long ResultsStore::record(const LoadedReport& report, const std::string& test262_commit) {
  try {
    SQLite::Transaction write(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    nlohmann::json settings = report.run.settings.by_name();
    SQLite::Statement run(*db_,
                          "INSERT INTO runs (started, recorded, settle_version, cases_digest, "
                          "test262_commit, settings, complete) VALUES (?, ?, ?, ?, ?, ?, ?)");
    run.bind(1, report.run.started);
    run.bind(2, utc_now_iso8601());
    run.bind(3, report.run.settle_version);
    run.bind(4, cases_digest(report));
    run.bind(5, test262_commit);
    run.bind(6, settings.dump());
    run.bind(7, report.complete ? 1 : 0);
    run.exec();
    long long id = db_->getLastInsertRowid();
    SQLite::Statement engine(*db_, "INSERT INTO run_engines VALUES (?, ?, ?)");
    for (const EngineInfo& info : report.run.engines) {
      engine.bind(1, static_cast<int64_t>(id));
      engine.bind(2, info.name);
      engine.bind(3, info.version);
      engine.exec();
      engine.reset();
    }
    SQLite::Statement result(*db_, "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?)");
    // A fault test's hook: stop for this long halfway through the results (SIGKILL lands here).
    const char* pause = std::getenv("SETTLE_STORE_TEST_PAUSE_MS");
    std::size_t index = 0;
    for (const Result& each : report.results) {
      if (pause && index++ == report.results.size() / 2) {
        std::fprintf(stdout, "settle: store: writing\n");
        std::fflush(stdout);
        std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(pause)));
      }
      result.bind(1, static_cast<int64_t>(id));
      result.bind(2, each.test->id);
      result.bind(3, each.engine);
      result.bind(4, std::string(status_info(each.status).name));
      result.bind(5, digest_text(observed_json(each.observed).dump()));
      result.bind(6, each.message);
      result.bind(7, each.duration_ms);
      result.exec();
      result.reset();
    }
    write.commit();
    return id;
  } catch (const SQLite::Exception& error) {
    throw StoreError(path_ + ": the run could not be recorded: " + error.what());
  }
}

std::vector<ResultsStore::RunRecord> ResultsStore::runs() const {
  std::vector<RunRecord> runs;
  try {
    SQLite::Statement query(*db_,
                            "SELECT id, started, settle_version, cases_digest, test262_commit, "
                            "settings, complete FROM runs ORDER BY id");
    while (query.executeStep()) {
      RunRecord run;
      run.id = query.getColumn(0).getInt64();
      run.started = query.getColumn(1).getString();
      run.settle_version = query.getColumn(2).getString();
      run.cases_digest = query.getColumn(3).getString();
      run.test262_commit = query.getColumn(4).getString();
      run.settings = query.getColumn(5).getString();
      run.complete = query.getColumn(6).getInt() != 0;
      runs.push_back(run);
    }
    SQLite::Statement engines(*db_, "SELECT run_id, name, version FROM run_engines");
    std::map<long long, std::size_t> index;
    for (std::size_t i = 0; i < runs.size(); ++i) index[runs[i].id] = i;
    while (engines.executeStep()) {
      auto at = index.find(engines.getColumn(0).getInt64());
      if (at != index.end())
        runs[at->second].engines[engines.getColumn(1).getString()] =
            engines.getColumn(2).getString();
    }
  } catch (const SQLite::Exception& error) {
    throw StoreError(path_ + ": " + error.what());
  }
  return runs;
}

namespace {
ResultsStore::ResultRecord result_of(SQLite::Statement& query, int first) {
  ResultsStore::ResultRecord record;
  record.case_id = query.getColumn(first).getString();
  record.engine = query.getColumn(first + 1).getString();
  record.status = query.getColumn(first + 2).getString();
  record.observation_digest = query.getColumn(first + 3).getString();
  record.message = query.getColumn(first + 4).getString();
  record.duration_ms = query.getColumn(first + 5).getDouble();
  return record;
}
}  // namespace

std::vector<ResultsStore::ResultRecord> ResultsStore::results(long long run_id) const {
  std::vector<ResultRecord> results;
  try {
    SQLite::Statement query(*db_,
                            "SELECT case_id, engine, status, observation_digest, message, "
                            "duration_ms FROM results WHERE run_id = ? ORDER BY case_id, engine");
    query.bind(1, static_cast<int64_t>(run_id));
    while (query.executeStep()) results.push_back(result_of(query, 0));
  } catch (const SQLite::Exception& error) {
    throw StoreError(path_ + ": " + error.what());
  }
  return results;
}

std::vector<std::pair<long long, ResultsStore::ResultRecord>> ResultsStore::case_history(
    const std::string& case_id) const {
  std::vector<std::pair<long long, ResultRecord>> history;
  try {
    SQLite::Statement query(*db_,
                            "SELECT run_id, case_id, engine, status, observation_digest, "
                            "message, duration_ms FROM results WHERE case_id = ? ORDER BY "
                            "engine, run_id");
    query.bind(1, case_id);
    while (query.executeStep())
      history.emplace_back(query.getColumn(0).getInt64(), result_of(query, 1));
  } catch (const SQLite::Exception& error) {
    throw StoreError(path_ + ": " + error.what());
  }
  return history;
}

}  // namespace settle
