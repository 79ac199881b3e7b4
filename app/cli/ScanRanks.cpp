#include "ScanRanks.h"

#include "Commands.h"
#include "MpiWorld.h"
#include "ScanJob.h"
#include "ScanOutput.h"
#include "ScanProgress.h"
#include "models/Device.h"

#include <chrono>
#include <exception>
#include <iostream>
#include <mpi.h>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace equiscope::cli {

namespace {

// A worker's message to rank 0 is the rows of its last unit (empty: its first request),
// which also asks for the next unit; rank 0 answers with a unit index, or -1 to stop.
constexpr int kTagRows = 1, kTagUnit = 2;
using Clock = std::chrono::steady_clock;

// Rows travel as JSON lines: shortest round-trip numbers, so no digit is lost on the way.
std::string rowsText(const std::vector<ScanRow>& rows) {
    std::string text;
    for (const ScanRow& r : rows) text += scanFileRow(r, ScanFileFormat::JsonLines);
    return text;
}

std::vector<ScanRow> rowsFrom(const std::string& text) {
    std::vector<ScanRow> rows;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        rows.push_back(parseScanRow(line, ScanFileFormat::JsonLines));
    return rows;
}

void work(const ScanJob& job) {
    std::string rows;
    for (;;) {
        MPI_Send(rows.data(), static_cast<int>(rows.size()), MPI_CHAR, 0, kTagRows, MPI_COMM_WORLD);
        int64_t unit = -1;
        MPI_Recv(&unit, 1, MPI_INT64_T, 0, kTagUnit, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (unit < 0) return;
        rows = rowsText(job.scan(unit));
    }
}

// Rank 0: the hand-out of units, its own share of them on a second thread, and the results.
class Coordinator {
  public:
    Coordinator(const ScanJob& job, ScanStart start, const MpiWorld& world)
        : job_(job), world_(world), todo_(std::move(start.todo)), rows_(std::move(start.rows)),
          writer_(job.out, job.settings, rows_),
          progress_("scan", static_cast<int64_t>(todo_.size())) {}

    std::vector<ScanRow> run() {
        std::thread local([this] { scanLocally(); });
        try {
            serve();
        } catch (...) {
            stopHandingOut();
            local.join();
            throw;
        }
        local.join();
        if (failure_) std::rethrow_exception(failure_);
        takeLocalRows();
        progress_.finish();
        const double wall = std::chrono::duration<double>(Clock::now() - start_).count();
        std::cerr << "equiscope-cli scan: " << world_.size() << " ranks, " << world_.threads()
                  << " threads each; rank 0 handed out and merged for " << mergeSeconds_ << " s of "
                  << wall << " s (" << (wall > 0 ? 100 * mergeSeconds_ / wall : 0) << " %)\n";
        return std::move(rows_);
    }

  private:
    int64_t take() {
        std::lock_guard<std::mutex> lock(mutex_);
        return next_ < todo_.size() ? todo_[next_++] : -1;
    }
    void stopHandingOut() {
        std::lock_guard<std::mutex> lock(mutex_);
        next_ = todo_.size();
    }

    void scanLocally() {
        try {
            useCudaDevice(world_.localRank()); // the current device is per thread
            for (int64_t unit; (unit = take()) >= 0;) {
                std::vector<ScanRow> rows = job_.scan(unit);
                std::lock_guard<std::mutex> lock(mutex_);
                localRows_.push_back(std::move(rows));
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            failure_ = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mutex_);
        localDone_ = true;
    }

    bool localDone() {
        std::lock_guard<std::mutex> lock(mutex_);
        return localDone_;
    }

    void accept(const std::vector<ScanRow>& rows) {
        writer_.append(rows);
        rows_.insert(rows_.end(), rows.begin(), rows.end());
        progress_.advance(++finished_);
    }

    void takeLocalRows() {
        std::vector<std::vector<ScanRow>> ready;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ready.swap(localRows_);
        }
        for (const auto& rows : ready) accept(rows);
    }

    // Answers requests as they come (MPI from this thread only), polling so that rank 0's
    // core stays with its own scanning thread.
    void serve() {
        int active = world_.size() - 1;
        while (active > 0 || !localDone()) {
            int waiting = 0;
            MPI_Status status;
            MPI_Iprobe(MPI_ANY_SOURCE, kTagRows, MPI_COMM_WORLD, &waiting, &status);
            if (waiting) {
                const auto begin = Clock::now();
                int bytes = 0;
                MPI_Get_count(&status, MPI_CHAR, &bytes);
                std::string text(static_cast<std::size_t>(bytes), '\0');
                MPI_Recv(text.data(), bytes, MPI_CHAR, status.MPI_SOURCE, kTagRows, MPI_COMM_WORLD,
                         MPI_STATUS_IGNORE);
                int64_t unit = take(); // the next unit first: the worker waits for it
                MPI_Send(&unit, 1, MPI_INT64_T, status.MPI_SOURCE, kTagUnit, MPI_COMM_WORLD);
                if (unit < 0) --active;
                if (!text.empty()) accept(rowsFrom(text));
                mergeSeconds_ += std::chrono::duration<double>(Clock::now() - begin).count();
            }
            const auto begin = Clock::now();
            takeLocalRows();
            mergeSeconds_ += std::chrono::duration<double>(Clock::now() - begin).count();
            if (!waiting) std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    }

    const ScanJob& job_;
    const MpiWorld& world_;
    const Clock::time_point start_ = Clock::now();
    std::vector<int64_t> todo_;
    std::vector<ScanRow> rows_;
    ScanWriter writer_;
    ScanProgress progress_;
    std::mutex mutex_; // guards next_, localRows_, localDone_, failure_
    std::size_t next_ = 0;
    std::vector<std::vector<ScanRow>> localRows_;
    bool localDone_ = false;
    std::exception_ptr failure_;
    int64_t finished_ = 0;
    double mergeSeconds_ = 0;
};

// Rank 0 could not start (e.g. --out exists): every worker's request is answered with stop.
void dismissWorkers(const MpiWorld& world) {
    for (int i = 1; i < world.size(); ++i) {
        MPI_Status status;
        MPI_Probe(MPI_ANY_SOURCE, kTagRows, MPI_COMM_WORLD, &status);
        int bytes = 0;
        MPI_Get_count(&status, MPI_CHAR, &bytes);
        std::string text(static_cast<std::size_t>(bytes), '\0');
        MPI_Recv(text.data(), bytes, MPI_CHAR, status.MPI_SOURCE, kTagRows, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        const int64_t stop = -1;
        MPI_Send(&stop, 1, MPI_INT64_T, status.MPI_SOURCE, kTagUnit, MPI_COMM_WORLD);
    }
}

} // namespace

int scanAcrossRanks(const std::vector<std::string>& args) {
    const MpiWorld world;
    std::optional<ScanJob> job;
    std::string error;
    try {
        job.emplace(prepareScan(args, world.rank() != 0));
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!world.allOk(error.empty(), error, "scan")) return kExitBadInput;
    if (world.rank() != 0) {
        try {
            work(*job);
        } catch (const std::exception& e) {
            world.abort(e.what(), "scan");
        }
        return kExitOk;
    }
    std::optional<ScanStart> start;
    const int status = guarded("scan", [&] {
        start.emplace(startScan(*job));
        return kExitOk;
    });
    if (status != kExitOk) {
        dismissWorkers(world);
        return status;
    }
    try {
        finishScan(*job, Coordinator(*job, std::move(*start), world).run());
    } catch (const std::exception& e) {
        world.abort(e.what(), "scan");
    }
    return kExitOk;
}

} // namespace equiscope::cli
