// The output folder of a run: one run at a time (a lock held for the whole run), never clobber a finished
// run, clear what an unfinished one left.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace corpusflow {

// A usage error about OUT (exit 2): OUT is not a folder, holds a finished run without --overwrite, or is in
// use by another run.
struct OutputFolderRefused : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// An exclusive flock(2) on OUT/.corpusflow.lock, held until destroyed; the file names the holder (pid, host,
// start time, command) for the message a second run prints. The kernel drops the lock when the process dies,
// so a killed run never leaves OUT locked.
class OutputLock {
 public:
  OutputLock() = default;
  OutputLock(const std::filesystem::path& out, const std::string& command_line);
  ~OutputLock();
  OutputLock(OutputLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  OutputLock& operator=(OutputLock&& other) noexcept;
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

// Creates OUT when missing, locks it, then refuses (OutputFolderRefused) when OUT holds a finished run and
// overwrite is false. Removes only the files and folders a run writes; anything else stays. Other failures
// (a read-only or unremovable OUT) throw std::filesystem::error or std::runtime_error: exit 1.
OutputLock prepare_output_folder(const std::filesystem::path& out, bool overwrite, const std::string& command_line);

}  // namespace corpusflow
