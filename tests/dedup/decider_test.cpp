#include "stages/dedup/decider.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "stages/dedup/fingerprinter.h"
#include "stages/normalize/normalizer.h"

namespace corpusflow {
namespace {

constexpr int kSize = 112;

// The tests count agreeing slots, so they pin the shape they count in: 14 bands of 8 rows, threshold 0.75.
DedupConfig classic() {
  DedupConfig config;
  config.bands = 14;
  config.rows = 8;
  config.threshold = 0.75;
  return config;
}

// What the index reports for `agree` of kSize stored 8-bit values: the estimate less chance agreement.
float estimate(int agree) { return static_cast<float>((agree / double(kSize) - 1.0 / 256) / (1.0 - 1.0 / 256)); }

Document doc_with(uint64_t record, std::vector<uint32_t> signature, uint64_t text_hash = 0, uint64_t url_hash = 0) {
  Document doc;
  doc.id = {0, record};
  doc.fingerprint.has_text = text_hash != 0;
  doc.fingerprint.exact_hash_low = text_hash;
  doc.fingerprint.exact_hash_high = ~text_hash;
  doc.fingerprint.has_url = url_hash != 0;
  doc.fingerprint.url_hash = url_hash;
  doc.fingerprint.signature = std::move(signature);
  return doc;
}

std::vector<uint32_t> random_signature(uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> s(kSize);
  for (auto& v : s) v = static_cast<uint32_t>(rng());
  return s;
}

// `base` with slots [from, to) replaced by fresh values (or by `source`'s values when given).
std::vector<uint32_t> changed(std::vector<uint32_t> base, int from, int to, uint64_t seed,
                              const std::vector<uint32_t>* source = nullptr) {
  const auto fresh = random_signature(seed);
  for (int i = from; i < to; ++i) {
    const auto slot = static_cast<size_t>(i);
    uint32_t value = source ? (*source)[slot] : fresh[slot];
    // A fresh value never agrees by chance in the 8 bits the index keeps, so agreement counts are exact.
    if (!source && (value & 0xFF) == (base[slot] & 0xFF)) value ^= 0x5A;
    base[slot] = value;
  }
  return base;
}

TEST(Decider, KeepsDistinctDocumentsAndIndexesThem) {
  Decider decider(classic());
  for (uint64_t i = 0; i < 50; ++i) {
    Document doc = doc_with(i, random_signature(i), i + 1, i + 1000);
    decider.decide(doc);
    EXPECT_EQ(doc.outcome, Outcome::kept);
    EXPECT_EQ(doc.duplicate_kind, DuplicateKind::none);
  }
  const DeciderStats stats = decider.stats();
  EXPECT_EQ(stats.decided, 50u);
  EXPECT_EQ(stats.kept_in_index, 50u);
  EXPECT_EQ(stats.near_in_index, 50u);
  EXPECT_EQ(stats.band_lookups, 50u * 14);
  EXPECT_GT(stats.index_bytes, 50u * kSize * 4);
}

TEST(Decider, ExactThenUrlThenNearAgainstKeptOnly) {
  Decider decider(classic());
  const auto sig = random_signature(1);
  Document a = doc_with(0, sig, 11, 21);
  Document exact = doc_with(1, random_signature(2), 11, 22);    // same text hash as a
  Document url = doc_with(2, random_signature(3), 12, 21);      // same URL as a
  Document near = doc_with(3, changed(sig, 0, 10, 4), 13, 23);  // 102/112 agree with a
  Document both = doc_with(4, sig, 11, 21);                     // everything matches: exact wins
  for (Document* doc : {&a, &exact, &url, &near, &both}) decider.decide(*doc);

  EXPECT_EQ(a.outcome, Outcome::kept);
  EXPECT_EQ(exact.outcome, Outcome::duplicate);
  EXPECT_EQ(exact.duplicate_kind, DuplicateKind::exact);
  EXPECT_EQ(exact.duplicate_of, a.id);
  EXPECT_FLOAT_EQ(exact.similarity, 1.0f);
  EXPECT_EQ(url.duplicate_kind, DuplicateKind::url);
  EXPECT_EQ(url.duplicate_of, a.id);
  EXPECT_FLOAT_EQ(url.similarity, 1.0f);
  EXPECT_EQ(near.duplicate_kind, DuplicateKind::near);
  EXPECT_EQ(near.duplicate_of, a.id);
  EXPECT_FLOAT_EQ(near.similarity, estimate(102));
  EXPECT_EQ(both.duplicate_kind, DuplicateKind::exact);

  const DeciderStats stats = decider.stats();
  EXPECT_EQ(stats.kept_in_index, 1u);
  EXPECT_EQ(stats.duplicates_exact, 2u);
  EXPECT_EQ(stats.duplicates_url, 1u);
  EXPECT_EQ(stats.duplicates_near, 1u);
}

TEST(Decider, DuplicateOfADuplicateNamesTheKeptLeader) {
  Decider decider(classic());
  Document a = doc_with(0, random_signature(1), 5);
  Document b = doc_with(1, random_signature(2), 5);
  Document c = doc_with(2, random_signature(3), 5);
  for (Document* doc : {&a, &b, &c}) decider.decide(*doc);
  EXPECT_EQ(b.duplicate_of, a.id);
  EXPECT_EQ(c.duplicate_of, a.id);
}

// duplicate_of names the kept document by the id its own line carries: an input's string or number, or a
// derived `<shard name>:<record>` (rebuilt, not stored), a renamed one included.
TEST(Decider, DuplicateOfIsTheKeptDocumentsOutputId) {
  Decider decider(classic());
  auto with_id = [](uint32_t shard, uint64_t record, uint64_t text_hash, std::string id, bool number, IdOrigin origin) {
    Document doc = doc_with(record, {}, text_hash);
    doc.id.shard = shard;
    doc.id_text = std::move(id);
    doc.id_is_number = number;
    doc.id_origin = origin;
    return doc;
  };
  std::vector<Document> kept = {
      with_id(0, 0, 11, "<urn:uuid:1>", false, IdOrigin::input),
      with_id(0, 1, 12, "17", true, IdOrigin::input),
      with_id(1, 2, 13, "dir/b.tar.zst:2", false, IdOrigin::derived),
      with_id(1, 3, 14, "dir/b.tar.zst:3", false, IdOrigin::derived),
      with_id(2, 0, 15, "c.jsonl:0@c.jsonl:0", false, IdOrigin::derived),  // renamed: not `<name>:<record>`
  };
  for (Document& doc : kept) {
    decider.decide(doc);
    ASSERT_EQ(doc.outcome, Outcome::kept);
  }
  const uint64_t hashes[] = {11, 12, 13, 14, 15};
  for (size_t i = 0; i < kept.size(); ++i) {
    Document copy = doc_with(100 + i, {}, hashes[i]);
    copy.id.shard = 3;
    decider.decide(copy);
    ASSERT_EQ(copy.outcome, Outcome::duplicate);
    EXPECT_EQ(copy.duplicate_of_id, kept[i].id_text);
    EXPECT_EQ(copy.duplicate_of_is_number, kept[i].id_is_number);
  }
}

// A ~ B and B ~ C but A !~ C: B goes as A's duplicate, and C, resembling only the dropped B, stays.
TEST(Decider, ChainKeepsBothEndsAndDropsTheMiddle) {
  Decider decider(classic());
  const auto b_sig = random_signature(10);
  Document a = doc_with(0, changed(b_sig, 0, 20, 11), 1);  // 92/112 with B
  Document b = doc_with(1, b_sig, 2);
  Document c = doc_with(2, changed(b_sig, 92, 112, 12), 3);  // 92/112 with B, 72/112 with A
  for (Document* doc : {&a, &b, &c}) decider.decide(*doc);
  EXPECT_EQ(a.outcome, Outcome::kept);
  EXPECT_EQ(b.outcome, Outcome::duplicate);
  EXPECT_EQ(b.duplicate_of, a.id);
  EXPECT_EQ(c.outcome, Outcome::kept);
  EXPECT_EQ(decider.stats().kept_in_index, 2u);
}

TEST(Decider, EarliestPassingLeaderWinsOverTheMostSimilar) {
  Decider decider(classic());
  const auto k1_sig = random_signature(20);
  const auto k2_sig = changed(k1_sig, 0, 40, 21);  // 72/112 with k1: both kept
  Document k1 = doc_with(0, k1_sig, 1);
  Document k2 = doc_with(1, k2_sig, 2);
  // d agrees with k2 on 99 slots and with k1 on 85, the least that passes 0.75 (ceil((0.75 + 0.25 / 256) *
  // 112), chance agreement of 8-bit values counted): both pass, k1 is earlier.
  ASSERT_EQ(decider.min_agreement(), 85);
  Document d = doc_with(2, changed(k2_sig, 0, 13, 0, &k1_sig), 3);
  for (Document* doc : {&k1, &k2, &d}) decider.decide(*doc);
  ASSERT_EQ(k2.outcome, Outcome::kept);
  EXPECT_EQ(d.duplicate_kind, DuplicateKind::near);
  EXPECT_EQ(d.duplicate_of, k1.id);
  EXPECT_FLOAT_EQ(d.similarity, estimate(85));

  Document just_below = doc_with(3, changed(k2_sig, 0, 12, 0, &k1_sig), 4);  // 84 with k1, 100 with k2
  decider.decide(just_below);
  EXPECT_EQ(just_below.duplicate_of, k2.id);
}

TEST(Decider, SharedBandWithoutEnoughAgreementIsNotADuplicate) {
  Decider decider(classic());
  const auto sig = random_signature(30);
  Document a = doc_with(0, sig, 1);
  Document b = doc_with(1, changed(sig, 8, 112, 31), 2);  // band 0 identical, nothing else
  decider.decide(a);
  decider.decide(b);
  EXPECT_EQ(b.outcome, Outcome::kept);
  EXPECT_EQ(decider.stats().candidates_checked, 1u);
}

TEST(Decider, NoSharedBandNoCandidateEvenWhenSimilar) {
  Decider decider(classic());
  auto sig = random_signature(40);
  Document a = doc_with(0, sig, 1);
  for (int band = 0; band < 14; ++band) sig[static_cast<size_t>(band * 8)] ^= 1;  // 98/112 agree, no band equal
  Document b = doc_with(1, sig, 2);
  decider.decide(a);
  decider.decide(b);
  EXPECT_EQ(b.outcome, Outcome::kept);
  EXPECT_EQ(decider.stats().candidates_checked, 0u);
}

TEST(Decider, RejectedAndShortDocuments) {
  Decider decider(classic());
  Document rejected = doc_with(0, random_signature(1), 9, 9);
  rejected.reject(RejectReason::empty, "");
  decider.decide(rejected);
  EXPECT_EQ(rejected.outcome, Outcome::rejected);

  Document short_text = doc_with(1, {}, 7);  // fewer than n tokens: no signature
  Document short_again = doc_with(2, {}, 7);
  Document no_text = doc_with(3, {}, 0, 0);  // empty fingerprint text, no URL: nothing to match
  Document no_text_again = doc_with(4, {}, 0, 0);
  for (Document* doc : {&short_text, &short_again, &no_text, &no_text_again}) decider.decide(*doc);
  EXPECT_EQ(short_text.outcome, Outcome::kept);
  EXPECT_EQ(short_again.duplicate_kind, DuplicateKind::exact);
  EXPECT_EQ(no_text.outcome, Outcome::kept);
  EXPECT_EQ(no_text_again.outcome, Outcome::kept);
  const DeciderStats stats = decider.stats();
  EXPECT_EQ(stats.decided, 4u);
  EXPECT_EQ(stats.near_in_index, 0u);
}

TEST(Decider, DisabledKindsAreNotChecked) {
  DedupConfig config = classic();
  config.exact = false;
  config.near = false;
  Decider decider(config);
  const auto sig = random_signature(1);
  Document a = doc_with(0, sig, 5, 6);
  Document same_text = doc_with(1, sig, 5, 7);
  Document same_url = doc_with(2, sig, 8, 6);
  for (Document* doc : {&a, &same_text, &same_url}) decider.decide(*doc);
  EXPECT_EQ(same_text.outcome, Outcome::kept);
  EXPECT_EQ(same_url.duplicate_kind, DuplicateKind::url);
  EXPECT_EQ(decider.stats().near_in_index, 0u);
}

TEST(Decider, WrongSignatureSizeThrows) {
  Decider decider(classic());
  Document doc = doc_with(0, std::vector<uint32_t>(64, 1), 1);
  EXPECT_THROW(decider.decide(doc), std::invalid_argument);
}

TEST(Decider, IndexMemoryBudgetExceededThrowsAClearMessage) {
  DedupConfig config = classic();
  config.index_memory_bytes = 256 * 1024;
  Decider decider(config);
  uint64_t kept = 0;
  try {
    for (uint64_t i = 0; i < 100000; ++i) {
      Document doc = doc_with(i, random_signature(i + 100), i + 1, i + 1);
      decider.decide(doc);
      ++kept;
    }
    FAIL() << "no exception";
  } catch (const IndexMemoryExceeded& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("dedup index needs more than --index-memory=262144"), std::string::npos) << message;
    EXPECT_NE(message.find("bytes per kept document"), std::string::npos) << message;
  }
  const DeciderStats stats = decider.stats();
  EXPECT_GT(kept, 10u);
  EXPECT_EQ(stats.kept_in_index, kept);
  EXPECT_LE(stats.index_bytes, config.index_memory_bytes);
  // Duplicates need no memory: they still go through after the budget is reached.
  Document again = doc_with(kept + 1, random_signature(100), 1, 1);
  decider.decide(again);
  EXPECT_EQ(again.duplicate_kind, DuplicateKind::exact);
}

TEST(Decider, SameInputSameDecisions) {
  const auto run = [] {
    Decider decider(classic());
    std::vector<std::pair<int, std::string>> out;
    std::mt19937_64 rng(5);
    std::vector<std::vector<uint32_t>> bases;
    for (int i = 0; i < 20; ++i) bases.push_back(random_signature(static_cast<uint64_t>(i) + 500));
    for (uint64_t i = 0; i < 400; ++i) {
      const auto& base = bases[rng() % bases.size()];
      const int from = static_cast<int>(rng() % 100);
      const int to = std::min(kSize, from + static_cast<int>(rng() % 40));
      Document doc = doc_with(i, changed(base, from, to, i), i + 1);
      decider.decide(doc);
      out.emplace_back(static_cast<int>(doc.outcome), doc.duplicate_of.str());
    }
    return out;
  };
  const auto first = run();
  EXPECT_EQ(first, run());
  size_t duplicates = 0;
  for (const auto& [outcome, of] : first) duplicates += outcome == static_cast<int>(Outcome::duplicate);
  EXPECT_GT(duplicates, 100u);
}

TEST(Decider, BatchDecidesLikeOneAtATime) {
  std::mt19937_64 rng(8);
  std::vector<Document> docs;
  for (uint64_t i = 0; i < 300; ++i) {
    const auto base = random_signature(rng() % 30);
    const int from = static_cast<int>(rng() % 100);
    docs.push_back(doc_with(i, changed(base, from, std::min(kSize, from + 25), i), rng() % 200 + 1, rng() % 250 + 1));
  }
  docs[17].reject(RejectReason::empty, "");
  std::vector<Document> batch = docs;
  Decider single(classic()), batched(classic());
  for (auto& doc : docs) single.decide(doc);
  batched.decide(std::span<Document>(batch));
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(docs[i].outcome, batch[i].outcome) << i;
    EXPECT_EQ(docs[i].duplicate_kind, batch[i].duplicate_kind) << i;
    EXPECT_EQ(docs[i].duplicate_of, batch[i].duplicate_of) << i;
    EXPECT_EQ(docs[i].similarity, batch[i].similarity) << i;
  }
  EXPECT_EQ(single.stats().kept_in_index, batched.stats().kept_in_index);
  EXPECT_EQ(single.stats().candidates_checked, batched.stats().candidates_checked);
}

// Fingerprinter over real text: folding, URL normalization, short texts.
TEST(Fingerprinter, FoldsTextAndNormalizesUrl) {
  Fingerprinter fingerprinter(classic());
  Document a, b;
  a.text = "قال الرئيس إنَّ الاجتماع سيُعقد في 12 أكتوبر في العاصمة";
  b.text = "قال الرئيس انّ الاجتـــماع سيعقد في ١٣ أكتوبر في العاصمة";
  a.url = "HTTP://Example.com:80/news/";
  b.url = "http://example.com/news#comments";
  fingerprinter.fingerprint(a);
  fingerprinter.fingerprint(b);
  EXPECT_TRUE(a.fingerprint.has_text);
  EXPECT_EQ(a.fingerprint.exact_hash_low, b.fingerprint.exact_hash_low);
  EXPECT_EQ(a.fingerprint.exact_hash_high, b.fingerprint.exact_hash_high);
  EXPECT_TRUE(a.fingerprint.has_url);
  EXPECT_EQ(a.fingerprint.url_hash, b.fingerprint.url_hash);
  ASSERT_EQ(a.fingerprint.signature.size(), static_cast<size_t>(kSize));
  EXPECT_EQ(a.fingerprint.signature, b.fingerprint.signature);
}

TEST(Fingerprinter, ShortEmptyAndRejectedDocuments) {
  Fingerprinter fingerprinter(classic());
  Document short_doc, empty, punctuation_only, rejected, bad_url;
  short_doc.text = "four words only here";
  empty.text = "";
  punctuation_only.text = "... !!! ---";
  rejected.text = "one two three four five six seven";
  rejected.reject(RejectReason::too_large, "");
  bad_url.text = "one two three four five six";
  bad_url.url = "not a url";
  for (Document* doc : {&short_doc, &empty, &punctuation_only, &rejected, &bad_url}) fingerprinter.fingerprint(*doc);
  EXPECT_TRUE(short_doc.fingerprint.has_text);
  EXPECT_TRUE(short_doc.fingerprint.signature.empty());
  EXPECT_FALSE(empty.fingerprint.has_text);
  EXPECT_FALSE(punctuation_only.fingerprint.has_text);
  EXPECT_TRUE(punctuation_only.fingerprint.signature.empty());
  EXPECT_FALSE(rejected.fingerprint.has_text);
  EXPECT_TRUE(rejected.fingerprint.signature.empty());
  EXPECT_FALSE(bad_url.fingerprint.has_url);
  EXPECT_EQ(bad_url.fingerprint.signature.size(), static_cast<size_t>(kSize));
}

// Normalize's fingerprint text is taken as is (and released); without it the same fingerprint is computed.
TEST(Fingerprinter, TakesTheFingerprintTextNormalizeLeft) {
  Fingerprinter fingerprinter(classic());
  Document normalized;
  normalized.text = "Première ligne, avec des mots\n\nالسطر الثاني فيه كلمات عربية\n١٢٣ and the end.";
  Normalizer().normalize(normalized);
  ASSERT_TRUE(normalized.fingerprint_text_ready);
  Document computed;
  computed.text = normalized.text;
  fingerprinter.fingerprint(normalized);
  fingerprinter.fingerprint(computed);
  EXPECT_FALSE(normalized.fingerprint_text_ready);
  EXPECT_TRUE(normalized.fingerprint_text.empty());
  EXPECT_EQ(normalized.fingerprint.exact_hash_low, computed.fingerprint.exact_hash_low);
  EXPECT_EQ(normalized.fingerprint.exact_hash_high, computed.fingerprint.exact_hash_high);
  EXPECT_EQ(normalized.fingerprint.signature, computed.fingerprint.signature);
}

// A template shared by many unrelated pages does not make them duplicates; a real near-copy still is one.
TEST(Fingerprinter, SharedTemplateDoesNotGluePages) {
  DedupConfig config = classic();
  Fingerprinter fingerprinter(config);
  Decider decider(config);
  std::mt19937_64 rng(3);
  // Digits fold to 0 in the fingerprint text: words are spelled in letters.
  const auto spell = [](uint64_t n) {
    std::string w;
    do {
      w += static_cast<char>('a' + n % 26);
      n /= 26;
    } while (n);
    return w;
  };
  const auto word = [&] { return spell(rng() % 20000); };
  std::string header, footer;
  for (uint64_t i = 0; i < 40; ++i) header += "nav" + spell(i) + " ";
  for (uint64_t i = 0; i < 40; ++i) footer += " copyright" + spell(i);
  std::vector<std::string> articles;
  for (int page = 0; page < 300; ++page) {
    std::string article;
    for (int i = 0; i < 150; ++i) article += word() + " ";
    articles.push_back(article);
  }
  uint64_t record = 0;
  for (const auto& article : articles) {
    Document doc;
    doc.id = {0, record++};
    doc.text = header + "\n" + article + "\n" + footer;
    fingerprinter.fingerprint(doc);
    decider.decide(doc);
    EXPECT_EQ(doc.outcome, Outcome::kept) << doc.id.str();
  }
  Document copy;
  copy.id = {0, record++};
  copy.text = header + "\nbreaking news " + articles[7] + " update\n" + footer;
  fingerprinter.fingerprint(copy);
  decider.decide(copy);
  EXPECT_EQ(copy.duplicate_kind, DuplicateKind::near);
  EXPECT_EQ(copy.duplicate_of, (DocumentId{0, 7}));
}

}  // namespace
}  // namespace corpusflow
