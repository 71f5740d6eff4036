// URL variants and near misses of the generator, against the URL key they are made for
// (stages/dedup/url_normalizer.h): every variant meets its original's key, every near miss misses it.
#include "engine/gen/url_variants.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/gen/generator.h"
#include "gen_test_support.h"
#include "stages/dedup/url_normalizer.h"

namespace corpusflow::gen {
namespace {

TEST(GenPunycode, EncodesTheRfc3492Samples) {
  EXPECT_EQ(punycode_encode("bücher"), "bcher-kva");
  EXPECT_EQ(punycode_encode("münchen"), "mnchen-3ya");
  // RFC 3492 section 7.1, (A) Arabic (Egyptian).
  EXPECT_EQ(punycode_encode("ليهمابتكلموشعربي؟"), "egbpdaj6bu4bxfgehfvwxn");
  // (L) Japanese: 3<nen>B<gumi><kinpachi><sensei>.
  EXPECT_EQ(punycode_encode("3年B組金八先生"), "3B-ww4c5e180e575a65lsy2b");
  EXPECT_EQ(punycode_encode("abc"), "abc-");
  EXPECT_EQ(punycode_encode("\xFF"), "");
  EXPECT_EQ(host_to_a_labels("www.bücher-11.de"), "www.xn--bcher-11-65a.de");  // Python's "punycode" codec agrees
}

TEST(GenUrlVariants, EachSpellsTheUrlOtherwiseWithTheSameKey) {
  const std::vector<std::string> urls = {
      "https://www.kavolina-7.net/news/20240101/some-title-words-1234567.html",
      "http://www.bücher-11.de/sport/20200202/über-den-fluss-99887766.html?page=3",
      "https://أخبار-21.com/ar/20190303/النفط-يسجل-أعلى-مستوى-55443322.html",
  };
  for (const std::string& url : urls) {
    const std::string key = normalize_url(url);
    ASSERT_FALSE(key.empty()) << url;
    for (int v = 1; v < kUrlVariants; ++v) {
      const auto variant = static_cast<UrlVariant>(v);
      for (uint64_t seed = 0; seed < 20; ++seed) {
        Rng rng(seed);
        const std::string spelled = apply_url_variant(url, variant, rng);
        if (variant == UrlVariant::idna && !has_unicode_host(url)) {
          EXPECT_EQ(spelled, url);
          continue;
        }
        EXPECT_NE(spelled, url) << to_string(variant);
        EXPECT_EQ(normalize_url(spelled), key) << to_string(variant) << ": " << spelled;
      }
    }
    for (UrlNearMiss miss : {UrlNearMiss::path_case, UrlNearMiss::query, UrlNearMiss::extra_segment}) {
      for (uint64_t seed = 0; seed < 20; ++seed) {
        Rng rng(seed);
        const std::string changed = apply_url_near_miss(url, miss, rng);
        const std::string changed_key = normalize_url(changed);
        EXPECT_FALSE(changed_key.empty()) << changed;
        EXPECT_NE(changed_key, key) << to_string(miss) << ": " << changed;
      }
    }
  }
  Rng rng(1);
  EXPECT_EQ(apply_url_variant("http://h-1.com/a/b.html", UrlVariant::default_port, rng), "http://h-1.com:80/a/b.html");
  EXPECT_EQ(apply_url_variant("https://h-1.com/a/b.html", UrlVariant::default_port, rng),
            "https://h-1.com:443/a/b.html");
  EXPECT_EQ(apply_url_variant("https://h-1.com/a/b.html", UrlVariant::scheme, rng), "http://h-1.com/a/b.html");
  EXPECT_EQ(apply_url_variant("https://bücher-1.de/a", UrlVariant::idna, rng), "https://xn--bcher-1-n2a.de/a");
  EXPECT_EQ(apply_url_near_miss("http://h-1.com/a/b.html?page=3", UrlNearMiss::path_case, rng),
            "http://h-1.com/A/b.html?page=3");
  EXPECT_EQ(apply_url_near_miss("http://h-1.com/a/b.html?page=3", UrlNearMiss::query, rng).substr(0, 29),
            "http://h-1.com/a/b.html?page=");
  EXPECT_NE(apply_url_near_miss("http://h-1.com/a/b.html?page=3", UrlNearMiss::query, rng),
            "http://h-1.com/a/b.html?page=3");
}

// In a generated corpus: a same_url copy's URL has its original's key, a near miss's URL not its earlier
// original's; every variant occurs, idna included (one site in ten has a Unicode host).
TEST(GenUrlVariants, GeneratedCopiesMeetTheirOriginalsKey) {
  GenOptions options;
  options.documents = 6000;
  options.seed = 5;
  options.dup_rate = 0.15;
  options.near_rate = 0.15;
  options.bad_rate = 0.01;
  options.url_near_miss_rate = 0.03;
  options.reservoir = 64;  // sources picked again and again: a second near miss of one must not happen
  options.shape.max_body_bytes = 4000;
  CorpusGenerator generator(testing::sample_pool(), options);
  std::map<std::string, std::string> url_of;  // doc_id -> URL (originals)
  std::map<std::string, size_t> variants;
  std::set<std::string> original_keys;
  size_t same_url = 0, near_misses = 0, idn_pages = 0, good = 0, queries = 0;
  GenRecord record;
  while (!generator.done()) {
    generator.next(record);
    const Truth& truth = record.truth;
    ASSERT_FALSE(truth.doc_id.empty());
    if (truth.kind == RecordKind::bad) continue;
    ++good;
    idn_pages += has_unicode_host(truth.url);
    queries += truth.url.find("?page=") != std::string::npos;
    if (truth.kind == RecordKind::original) {
      url_of[truth.doc_id] = truth.url;
      EXPECT_TRUE(original_keys.insert(normalize_url(truth.url)).second)
          << "no two originals at one URL: " << truth.url;
      if (truth.url_near_miss != UrlNearMiss::none) {
        ++near_misses;
        ASSERT_TRUE(url_of.contains(truth.url_near_miss_of));
        const std::string& earlier = url_of.at(truth.url_near_miss_of);
        EXPECT_NE(normalize_url(truth.url), normalize_url(earlier)) << truth.url << " vs " << earlier;
      }
      continue;
    }
    ASSERT_TRUE(url_of.contains(truth.of_doc_id)) << truth.of_doc_id;
    if (!truth.same_url) {
      EXPECT_EQ(truth.url_variant, UrlVariant::exact);
      continue;
    }
    ++same_url;
    ++variants[to_string(truth.url_variant)];
    const std::string& original = url_of.at(truth.of_doc_id);
    EXPECT_EQ(normalize_url(truth.url), normalize_url(original)) << truth.url << " vs " << original;
    if (truth.url_variant == UrlVariant::exact) {
      EXPECT_EQ(truth.url, original);
    } else {
      EXPECT_NE(truth.url, original);
    }
  }
  EXPECT_EQ(variants.size(), 8u);
  EXPECT_NEAR(static_cast<double>(variants["exact"]) / static_cast<double>(same_url), 0.5, 0.08);
  EXPECT_GE(variants["idna"], 5u);
  EXPECT_NEAR(static_cast<double>(near_misses) / static_cast<double>(good), 0.03 * 0.7, 0.01);
  EXPECT_GT(static_cast<double>(idn_pages) / static_cast<double>(good), 0.05);
  EXPECT_NEAR(static_cast<double>(queries) / static_cast<double>(good), 0.1 * 0.8, 0.04);
}

}  // namespace
}  // namespace corpusflow::gen
