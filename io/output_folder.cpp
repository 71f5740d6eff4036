#include "io/output_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <system_error>

#include "io/output_layout.h"

namespace corpusflow {

namespace fs = std::filesystem;

namespace {

std::string holder_description(const std::string& command_line) {
  char host[256] = "unknown host";
  ::gethostname(host, sizeof host - 1);
  char when[32] = "";
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return "pid " + std::to_string(::getpid()) + " on " + host + " since " + when + ": " + command_line + "\n";
}

std::string read_holder(int fd) {
  std::string text(4096, '\0');
  const ssize_t got = ::pread(fd, text.data(), text.size(), 0);
  text.resize(got > 0 ? static_cast<size_t>(got) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  return text.empty() ? "another process" : text;
}

}  // namespace

OutputLock::OutputLock(const fs::path& out, const std::string& command_line) {
  const fs::path path = out / output_layout::kLock;
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw std::system_error(errno, std::generic_category(), "cannot create the lock file " + path.string());
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    const std::string holder = error == EWOULDBLOCK ? read_holder(fd_) : "";
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK) {
      throw OutputFolderRefused("output " + out.string() + " is in use by another run (" + holder + ")");
    }
    throw std::system_error(error, std::generic_category(), "cannot lock " + path.string());
  }
  const std::string holder = holder_description(command_line);
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, holder.data(), holder.size(), 0) < 0) {
    // The lock holds without its description; a second run then names "another process".
  }
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

OutputLock& OutputLock::operator=(OutputLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

OutputLock prepare_output_folder(const fs::path& out, bool overwrite, const std::string& command_line) {
  std::error_code error;
  if (fs::exists(out, error) && !fs::is_directory(out, error)) {
    throw OutputFolderRefused("output " + out.string() + " exists and is not a folder");
  }
  fs::create_directories(out);
  OutputLock lock(out, command_line);
  if (fs::exists(out / output_layout::kManifest) && !overwrite) {
    throw OutputFolderRefused("output " + out.string() +
                              " already holds a finished run (manifest.json); pass --overwrite to replace it");
  }
  using namespace output_layout;
  for (std::string_view file : {kManifest, kStats, kReport}) {
    fs::remove_all(out / file);
    fs::remove_all(out / (std::string(file) + std::string(kTemporarySuffix)));
  }
  for (std::string_view folder : {kData, kDocuments, kDuplicates, kRejects, kFiltered}) fs::remove_all(out / folder);
  return lock;
}

}  // namespace corpusflow
