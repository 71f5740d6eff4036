#include "io/input_listing.h"

#include <fnmatch.h>
#include <glob.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace corpusflow {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  return "special file";
}

class Lister {
 public:
  explicit Lister(const ListingOptions& options) : options_(options) {
    if (!options.exclude.empty()) {
      struct stat status {};
      if (::stat(options.exclude.c_str(), &status) == 0) {
        exclude_device_ = status.st_dev;
        exclude_inode_ = status.st_ino;
        has_exclude_ = true;
      }
    }
  }

  // Adds what one existing path stands for; returns how many files and skips it added.
  size_t expand(const fs::path& path, bool named) {
    const size_t before = listing_.files.size() + listing_.skipped.size();
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
      skip(path, errno == ELOOP ? std::string("symlink loop") : std::string(std::strerror(errno)));
    } else if (S_ISDIR(status.st_mode)) {
      walk(path, status);
    } else if (S_ISREG(status.st_mode)) {
      add(path, path.filename(), status);
    } else if (named) {
      add(path, path.filename(), {});  // a pipe or device named on purpose: read as a stream
    } else {
      skip(path, std::string("not a regular file (") + kind_of(status.st_mode) + ")");
    }
    return listing_.files.size() + listing_.skipped.size() - before;
  }

  InputListing finish() {
    auto by_path = [](const auto& a, const auto& b) { return a.path < b.path; };
    auto same_path = [](const auto& a, const auto& b) { return a.path == b.path; };
    std::stable_sort(listing_.files.begin(), listing_.files.end(), by_path);
    listing_.files.erase(std::unique(listing_.files.begin(), listing_.files.end(), same_path), listing_.files.end());
    std::sort(listing_.skipped.begin(), listing_.skipped.end(), by_path);
    listing_.skipped.erase(std::unique(listing_.skipped.begin(), listing_.skipped.end(), same_path),
                           listing_.skipped.end());
    for (InputFile& file : listing_.files) {
      file.format = options_.forced == InputFormat::auto_detect ? detect_format(file.path) : options_.forced;
    }
    return std::move(listing_);
  }

 private:
  bool excluded(const struct stat& status) const {
    return has_exclude_ && status.st_dev == exclude_device_ && status.st_ino == exclude_inode_;
  }

  // Depth-first over an explicit stack: symlinks are not followed, so no loop can form, and a deep tree
  // cannot overflow the call stack.
  void walk(const fs::path& root, const struct stat& root_status) {
    if (excluded(root_status)) return skip(root, "the run's output folder");
    std::vector<fs::path> folders{root};
    while (!folders.empty()) {
      const fs::path folder = std::move(folders.back());
      folders.pop_back();
      std::error_code error;
      fs::directory_iterator it(folder, error);
      if (error) {
        skip(folder, "cannot read folder: " + error.message());
        continue;
      }
      for (const fs::directory_iterator end; it != end; it.increment(error)) {
        const fs::path& path = it->path();
        if (hidden(path)) continue;
        struct stat status {};
        if (::lstat(path.c_str(), &status) != 0) {
          skip(path, std::strerror(errno));
          continue;
        }
        if (S_ISLNK(status.st_mode)) {
          struct stat target {};
          if (::stat(path.c_str(), &target) != 0) {
            skip(path, errno == ELOOP ? "symlink loop" : "broken symlink");
          } else if (S_ISREG(target.st_mode)) {
            add_found(root, path, target);
          } else if (S_ISDIR(target.st_mode)) {
            skip(path, "symlink to a folder (not followed; name it to read it)");
          } else {
            skip(path, std::string("not a regular file (") + kind_of(target.st_mode) + ")");
          }
        } else if (S_ISDIR(status.st_mode)) {
          if (excluded(status)) {
            skip(path, "the run's output folder");
          } else {
            folders.push_back(path);
          }
        } else if (S_ISREG(status.st_mode)) {
          add_found(root, path, status);
        } else {
          skip(path, std::string("not a regular file (") + kind_of(status.st_mode) + ")");
        }
      }
      if (error) skip(folder, "cannot read folder: " + error.message());
    }
  }

  static bool matches_any(const std::vector<std::string>& patterns, const fs::path& path) {
    const std::string full = path.generic_string();
    const std::string name = path.filename().string();
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
      return ::fnmatch(pattern.c_str(), full.c_str(), 0) == 0 || ::fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
    });
  }

  // A file met while walking the folder `root`, as opposed to one named on the command line.
  void add_found(const fs::path& root, const fs::path& path, const struct stat& status) {
    if (matches_any(options_.exclude_globs, path)) return skip(path, "excluded by --exclude");
    if (!is_data_file_name(path.generic_string()) && !matches_any(options_.include_globs, path)) {
      return skip(path, "not a data file by its name (--include GLOB reads it)");
    }
    add(path, path.lexically_relative(root), status);
  }

  void add(const fs::path& path, const fs::path& name, const struct stat& status) {
    InputFile file;
    file.path = path.lexically_normal().generic_string();
    file.name = name.lexically_normal().generic_string();
    if (S_ISREG(status.st_mode)) {
      file.size = static_cast<uint64_t>(status.st_size);
      file.mtime = static_cast<int64_t>(status.st_mtime);
    }
    listing_.files.push_back(std::move(file));
  }
  void skip(const fs::path& path, std::string reason) {
    listing_.skipped.push_back({path.lexically_normal().generic_string(), std::move(reason)});
  }

  const ListingOptions& options_;
  InputListing listing_;
  bool has_exclude_ = false;
  dev_t exclude_device_ = 0;
  ino_t exclude_inode_ = 0;
};

std::vector<std::string> glob_matches(const std::string& pattern) {
  std::vector<std::string> matches;
  glob_t result{};
  if (glob(pattern.c_str(), 0, nullptr, &result) == 0) {
    for (size_t i = 0; i < result.gl_pathc; ++i) matches.emplace_back(result.gl_pathv[i]);
  }
  globfree(&result);
  return matches;
}

}  // namespace

InputListing list_inputs(const std::vector<std::string>& arguments, const ListingOptions& options) {
  Lister lister(options);
  for (const std::string& argument : arguments) {
    size_t added = 0;
    struct stat status {};
    // lstat: a named symlink loop or broken symlink exists as an entry and is reported, not "no such input".
    if (!argument.empty() && ::lstat(argument.c_str(), &status) == 0) {
      added = lister.expand(argument, true);
    } else {
      for (const std::string& match : glob_matches(argument)) added += lister.expand(match, true);
    }
    if (added == 0) throw NoSuchInput("no such input: " + argument);
  }
  return lister.finish();
}

}  // namespace corpusflow
