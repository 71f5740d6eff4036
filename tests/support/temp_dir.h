// TempDir: a fresh folder under the system temp folder for one test, removed with everything in it when the
// object goes away. Shared by every test folder and the benchmarks.
#pragma once

#include <filesystem>
#include <string>

namespace corpusflow::testing {

class TempDir {
 public:
  explicit TempDir(const std::string& label = "test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace corpusflow::testing
