// `corpusflow run` over the real web-archive files of data/sample/web (WARC, WET, WAT, ARC, gzip JSONL, as
// Common Crawl, warcio, resiliparse and Dolma publish them): every file's records, skips by kind and rejects,
// and spot checks of url, date, title, charset and text.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

#include "cli/cli_harness.h"

namespace corpusflow::testing {
namespace {

const std::string kWeb = kSample + "/web";

std::vector<nlohmann::json> parsed(const std::filesystem::path& folder) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : decoded_lines(folder)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

struct Expected {
  uint64_t records, kept, duplicates, rejected;
  std::map<std::string, uint64_t> skipped;
};

class WebInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    run_ = new CommandResult(run_corpusflow({"run", kWeb, "-o", (*dir_ / "out").string(), "--threads", "2"}));
    stats_ = new nlohmann::json(nlohmann::json::parse(read_file(*dir_ / "out" / "stats.json")));
    data_ = new std::vector<nlohmann::json>(parsed(*dir_ / "out" / "data"));
  }
  static void TearDownTestSuite() {
    delete data_;
    delete stats_;
    delete run_;
    delete dir_;
  }
  static const nlohmann::json* document(const std::string& url) {
    for (const auto& doc : *data_) {
      if (doc.value("url", "") == url) return &doc;
    }
    return nullptr;
  }
  static TempDir* dir_;
  static CommandResult* run_;
  static nlohmann::json* stats_;
  static std::vector<nlohmann::json>* data_;
};
TempDir* WebInput::dir_ = nullptr;
CommandResult* WebInput::run_ = nullptr;
nlohmann::json* WebInput::stats_ = nullptr;
std::vector<nlohmann::json>* WebInput::data_ = nullptr;

TEST_F(WebInput, EveryFileIsAccountedRecordByRecord) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  const std::map<std::string, Expected> expected = {
      {"cc-whirlwind.warc.gz", {1, 1, 0, 0, {{"metadata", 1}, {"request", 1}, {"warcinfo", 1}}}},
      {"cc-whirlwind.warc.wat.gz", {0, 0, 0, 0, {{"metadata", 1}, {"warcinfo", 1}}}},
      {"cc-whirlwind.warc.wet.gz", {1, 0, 1, 0, {{"warcinfo", 1}}}},  // the WARC page's own text again
      // The first two pages' metadata name the same URL (the crawl's redirect): one URL duplicate.
      {"dolma-documents-000.json.gz", {10, 9, 1, 0, {}}},
      {"resiliparse-block-sized-records.warc.gz", {0, 0, 0, 0, {{"unknown", 3}}}},
      {"resiliparse-clipped.warc.gz", {1, 0, 0, 1, {}}},
      {"resiliparse-warcfile.warc.gz", {16, 15, 1, 0, {{"metadata", 16}, {"request", 17}, {"warcinfo", 1}}}},
      {"warcio-example-bad-non-chunked.warc.gz", {1, 1, 0, 0, {{"request", 2}, {"revisit", 1}, {"warcinfo", 2}}}},
      {"warcio-example-iana.org-chunked.warc", {1, 1, 0, 0, {{"request", 1}, {"warcinfo", 1}}}},
      {"warcio-example-resource.warc.gz", {1, 0, 1, 0, {{"warcinfo", 2}}}},
      {"warcio-example-space-in-target-uri.warc.gz", {0, 0, 0, 0, {{"resource image/png", 1}, {"warcinfo", 1}}}},
      {"warcio-example-trunc.warc", {2, 0, 0, 2, {{"warcinfo", 2}}}},
      {"warcio-example-wget-bad-target-uri.warc.gz",
       {1, 0, 1, 0, {{"metadata", 1}, {"request", 1}, {"resource metadata: URI", 2}, {"warcinfo", 1}}}},
      {"warcio-example-wrong-chunks.warc.gz", {1, 0, 1, 0, {{"request", 1}}}},
      {"warcio-example.arc.gz", {1, 0, 1, 0, {{"arc filedesc", 1}}}},
      {"warcio-example.warc.gz", {1, 0, 1, 0, {{"request", 2}, {"revisit", 1}, {"warcinfo", 2}}}},
      {"warcio-post-test.warc.gz", {0, 0, 0, 0, {{"request", 3}, {"response application/json", 3}}}},
  };
  std::map<std::string, bool> seen;
  for (const auto& shard : stats_->at("shards")) {
    const std::string path = shard.at("path");
    const std::string name = path.substr(path.rfind('/') + 1);
    const auto found = expected.find(name);
    ASSERT_NE(found, expected.end()) << name;
    seen[name] = true;
    const Expected& want = found->second;
    EXPECT_EQ(shard.at("records"), want.records) << name;
    EXPECT_EQ(shard.at("kept"), want.kept) << name;
    EXPECT_EQ(shard.at("duplicates"), want.duplicates) << name;
    EXPECT_EQ(shard.at("rejected"), want.rejected) << name;
    const auto skipped = shard.at("skipped_by_kind").get<std::map<std::string, uint64_t>>();
    EXPECT_EQ(skipped, want.skipped) << name;
  }
  EXPECT_EQ(seen.size(), expected.size());
  // README.md and the licence are not data files: skipped, named, and said once on stderr.
  EXPECT_NE(run_->err.find("2 input entries not read"), std::string::npos) << run_->err;
  EXPECT_EQ(stats_->at("skipped_inputs").size(), 2u);
}

TEST_F(WebInput, RejectsSayWhatBrokeAndWhere) {
  std::vector<std::string> reasons;
  for (const auto& reject : parsed(*dir_ / "out" / "rejects")) {
    const std::string source = reject.at("source");
    reasons.push_back(source.substr(kWeb.size() + 1, source.find(':', kWeb.size()) - kWeb.size() - 1) + " " +
                      reject.at("reason").get<std::string>() + ": " + reject.at("detail").get<std::string>());
  }
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_EQ(reasons[0], "resiliparse-clipped.warc.gz io: truncated gzip member at compressed offset 18184");
  // A response cut inside its gzip body, then the next record's header inside the cut one's claimed length.
  EXPECT_EQ(reasons[1].rfind("warcio-example-trunc.warc bad_encoding: Content-Encoding gzip: truncated at byte ", 0),
            0u)
      << reasons[1];
  EXPECT_EQ(reasons[2], "warcio-example-trunc.warc io: bad WARC record header at offset 2560");
}

TEST_F(WebInput, PagesComeOutAsAttributedTextWithoutMarkup) {
  const nlohmann::json* wiki = document("https://an.wikipedia.org/wiki/Escopete");
  ASSERT_NE(wiki, nullptr);
  EXPECT_EQ(wiki->at("date"), "2024-05-18T01:58:10Z");                                         // WARC-Date, whole
  EXPECT_TRUE(wiki->at("id").get<std::string>().starts_with("<urn:uuid:")) << wiki->at("id");  // WARC-Record-ID
  EXPECT_EQ(wiki->at("title"), "Escopete - Biquipedia, a enciclopedia libre");
  EXPECT_EQ(wiki->at("language"), "es");  // CLD2 has no Aragonese; its nearest
  const std::string text = wiki->at("text");
  EXPECT_EQ(text.find('<'), std::string::npos) << text.substr(0, 300);
  EXPECT_NE(text.find("Escopete ye un municipio d'a provincia de Guadalachara"), std::string::npos) << text;
  EXPECT_EQ(text.find("Herramientas"), std::string::npos) << text;   // the tools menu
  EXPECT_EQ(text.find("Bahasa Melayu"), std::string::npos) << text;  // the list of languages

  const nlohmann::json* russian = document("http://01spb.ru/company/");  // windows-1251
  ASSERT_NE(russian, nullptr);
  EXPECT_EQ(russian->at("title"), "О компании - Стратегия пожарной безопасности");
  EXPECT_EQ(russian->at("language"), "ru");
  const std::string russian_text = russian->at("text");
  EXPECT_EQ(russian_text.find("\xEF\xBF\xBD"), std::string::npos);  // no U+FFFD
  EXPECT_NE(russian_text.find("ООО «СПБ» - узкоспециализированное предприятие"), std::string::npos) << russian_text;

  const nlohmann::json* chunked = document("http://www.iana.org/");
  ASSERT_NE(chunked, nullptr);
  EXPECT_EQ(chunked->at("title"), "Internet Assigned Numbers Authority");
  EXPECT_EQ(chunked->at("text").get<std::string>().find("<"), std::string::npos);

  const nlohmann::json* example = document("http://example.com/");  // gzip Content-Encoding, and again in an ARC
  ASSERT_NE(example, nullptr);
  EXPECT_EQ(example->at("title"), "Example Domain");
  EXPECT_EQ(example->at("text").get<std::string>().rfind("This domain is", 0), 0u) << example->at("text");
  EXPECT_EQ(example->at("date"), "2017-03-06T04:02:06Z");
  EXPECT_EQ(example->at("id"), "<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>");
  EXPECT_FALSE(example->contains("metadata"));

  const auto& charsets = stats_->at("charsets");
  EXPECT_EQ(charsets.at("used").at("windows-1251"), 1);
  EXPECT_EQ(charsets.at("used").at("GB18030"), 6);
  EXPECT_EQ(charsets.at("sources").at("meta"), 13);  // 9 of resiliparse's 16 pages, and example.com's
  EXPECT_EQ(charsets.at("sources").at("bom"), 1);
}

// A gzip file and its zstd twin (the same bytes recompressed) give the same documents.
void expect_like_zstd_twin(const std::string& gzip_file, const std::string& twin_name, size_t documents) {
  TempDir dir;
  const auto twin = dir / twin_name;
  ASSERT_EQ(shell("gzip -dc " + quote(gzip_file) + " | zstd -q -o " + quote(twin.string())), 0);
  ASSERT_EQ(run_corpusflow({"run", gzip_file, "-o", (dir / "gz").string()}).exit_code, 0);
  ASSERT_EQ(run_corpusflow({"run", twin.string(), "-o", (dir / "zst").string()}).exit_code, 0);
  for (const char* folder : {"data", "duplicates", "rejects"}) {
    auto gz = parsed(dir / "gz" / folder);
    auto zst = parsed(dir / "zst" / folder);
    if (std::string(folder) == "data") {
      EXPECT_EQ(gz.size(), documents);
    }
    ASSERT_EQ(gz.size(), zst.size()) << folder;
    for (size_t i = 0; i < gz.size(); ++i) {
      gz[i].erase("source");
      zst[i].erase("source");
      EXPECT_EQ(gz[i], zst[i]) << folder << " " << i;
    }
  }
}

TEST(WebInputCli, GzipJsonlAndGzipWarcReadLikeTheirZstdTwins) {
  expect_like_zstd_twin(kWeb + "/dolma-documents-000.json.gz", "dolma-documents-000.json.zst", 9);
  expect_like_zstd_twin(kWeb + "/resiliparse-warcfile.warc.gz", "resiliparse-warcfile.warc.zst", 15);
}

TEST(WebInputCli, AllVisibleTextOfAWarcPage) {
  TempDir dir;
  ASSERT_EQ(
      run_corpusflow({"run", kWeb + "/cc-whirlwind.warc.gz", "-o", (dir / "out").string(), "--html", "text"}).exit_code,
      0);
  const auto documents = parsed(dir / "out" / "data");
  ASSERT_EQ(documents.size(), 1u);
  const std::string text = documents[0].at("text");
  EXPECT_NE(text.find("Escopete ye un municipio d'a provincia de Guadalachara"), std::string::npos) << text;
  EXPECT_EQ(text.find('<'), std::string::npos);
}

TEST(WebInputCli, HtmlModes) {
  TempDir dir;
  const std::string file = kWeb + "/warcio-example-iana.org-chunked.warc";
  ASSERT_EQ(run_corpusflow({"run", file, "-o", (dir / "text").string(), "--html", "text"}).exit_code, 0);
  ASSERT_EQ(run_corpusflow({"run", file, "-o", (dir / "raw").string(), "--html", "raw"}).exit_code, 0);
  const auto all_text = parsed(dir / "text" / "data");
  const auto raw = parsed(dir / "raw" / "data");
  ASSERT_EQ(all_text.size(), 1u);
  ASSERT_EQ(raw.size(), 1u);
  EXPECT_EQ(all_text[0].at("text").get<std::string>().find('<'), std::string::npos);
  EXPECT_EQ(raw[0].at("text").get<std::string>().rfind("<!doctype html>", 0), 0u);
  EXPECT_EQ(run_corpusflow({"run", file, "-o", (dir / "bad").string(), "--html", "markdown"}).exit_code, 2);
}

// HTML files (plain, gzip, in a tar) are pages: decoded from their <meta> charset and extracted; other
// compressions are clear io rejects, not text.
TEST(WebInputCli, HtmlFilesAndUnsupportedCompressions) {
  TempDir dir;
  const auto in = dir / "in";
  std::filesystem::create_directories(in / "tarred");
  const std::string russian_1251 = "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0";  // Привет, мир
  auto page = [](const std::string& title, const std::string& charset, const std::string& body) {
    return "<html lang=\"ru\"><head><meta charset=\"" + charset + "\"><title>" + title +
           "</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><p>" + body +
           "</p></article></body></html>";
  };
  write_file(in / "cyrillic.html",
             page("1251", "windows-1251", russian_1251 + ". " + russian_1251 + ". " + russian_1251 + "."));
  write_file(in / "tarred" / "member.htm", page("member", "utf-8", "Текст страницы в архиве tar, и ещё немного слов."));
  ASSERT_EQ(
      shell("gzip -c " + quote((in / "cyrillic.html").string()) + " > " + quote((in / "zipped.html.gz").string())), 0);
  ASSERT_EQ(shell("tar -C " + quote(in.string()) + " -cf " + quote((in / "pages.tar").string()) + " tarred/member.htm"),
            0);
  std::filesystem::remove_all(in / "tarred");
  write_file(in / "a.jsonl.xz", std::string("\xFD"
                                            "7zXZ\x00\x00 not really xz",
                                            22));
  write_file(in / "b.jsonl.bz2", "BZh91AY&SY not really bzip2");
  const CommandResult run = run_corpusflow({"run", in.string(), "-o", (dir / "out").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, nlohmann::json> by_file;
  for (const char* folder : {"data", "rejects"}) {
    for (const auto& doc : parsed(dir / "out" / folder)) {
      const std::string source = doc.at("source");
      by_file[source.substr(in.string().size() + 1, source.find(':', in.string().size()) - in.string().size() - 1)] =
          doc;
    }
  }
  ASSERT_EQ(by_file.size(), 4u);
  EXPECT_EQ(by_file["cyrillic.html"].at("title"), "1251");
  EXPECT_EQ(by_file["cyrillic.html"].at("text"), "Привет, мир. Привет, мир. Привет, мир.");
  const auto duplicates = parsed(dir / "out" / "duplicates");  // zipped.html.gz: the same page, gzip'd
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0].at("duplicate_of"), by_file["cyrillic.html"].at("id"));
  EXPECT_EQ(by_file["pages.tar"].at("title"), "member");
  EXPECT_EQ(by_file["pages.tar"].at("text"), "Текст страницы в архиве tar, и ещё немного слов.");
  EXPECT_EQ(by_file["a.jsonl.xz"].at("reason"), "io");
  EXPECT_EQ(by_file["a.jsonl.xz"].at("detail").get<std::string>().rfind("unsupported compression (xz): ", 0), 0u);
  EXPECT_EQ(by_file["b.jsonl.bz2"].at("detail").get<std::string>().rfind("unsupported compression (bzip2): ", 0), 0u);
  const auto stats = nlohmann::json::parse(read_file(dir / "out" / "stats.json"));
  EXPECT_EQ(stats.at("charsets").at("sources").at("meta"), 3);
  EXPECT_EQ(stats.at("charsets").at("used").at("windows-1251"), 2);
}

}  // namespace
}  // namespace corpusflow::testing
