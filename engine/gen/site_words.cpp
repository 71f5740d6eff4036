#include "engine/gen/site_words.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <vector>

#include "engine/gen/unicode_tables.h"

namespace corpusflow::gen {
namespace {

using std::string_view_literals::operator""sv;

// English for every Latin-script family (most sites in other Latin languages would say "Accueil" or "Inicio";
// one language per script keeps the tables small, and the other families get their own words).
constexpr std::array kEnglishSections = {
    "News"sv,   "World"sv,         "Politics"sv,   "Business"sv,  "Economy"sv, "Sport"sv,  "Football"sv, "Culture"sv,
    "Arts"sv,   "Science"sv,       "Technology"sv, "Health"sv,    "Opinion"sv, "Video"sv,  "Photos"sv,   "Weather"sv,
    "Travel"sv, "Entertainment"sv, "Lifestyle"sv,  "Education"sv, "Local"sv,   "Markets"sv};
constexpr std::array kEnglishAccount = {"Log in"sv,  "Sign up"sv,    "Subscribe"sv,  "Search"sv,
                                        "Contact"sv, "Newsletter"sv, "My account"sv, "Advertise"sv};
constexpr std::array kEnglishFooters = {"© {year} {host}. All rights reserved."sv,
                                        "Copyright © {since}-{year} {host}"sv,
                                        "Privacy Policy | Terms of Use | Cookie Settings"sv,
                                        "About us | Contact us | Advertise with us | Careers"sv,
                                        "Subscribe to our newsletter"sv,
                                        "Follow us on Facebook, Twitter and Instagram"sv,
                                        "{host} is not responsible for the content of external sites."sv,
                                        "All content © {host}, {year}"sv};

constexpr std::array kArabicSections = {"أخبار"sv, "العالم"sv, "سياسة"sv,  "اقتصاد"sv,    "رياضة"sv,
                                        "ثقافة"sv, "فن"sv,     "علوم"sv,   "تكنولوجيا"sv, "صحة"sv,
                                        "رأي"sv,   "فيديو"sv,  "صور"sv,    "منوعات"sv,    "الطقس"sv,
                                        "سفر"sv,   "تعليم"sv,  "محليات"sv, "أسواق"sv,     "مقالات"sv};
constexpr std::array kArabicAccount = {"تسجيل الدخول"sv,    "اشترك الآن"sv, "بحث"sv,      "اتصل بنا"sv,
                                       "النشرة البريدية"sv, "حسابي"sv,      "أعلن معنا"sv};
constexpr std::array kArabicFooters = {"جميع الحقوق محفوظة © {host} {year}"sv,
                                       "© {year} {host} - جميع الحقوق محفوظة"sv,
                                       "سياسة الخصوصية | شروط الاستخدام | اتصل بنا"sv,
                                       "من نحن | اتصل بنا | أعلن معنا"sv,
                                       "اشترك في النشرة البريدية"sv,
                                       "تابعونا على فيسبوك وتويتر وإنستغرام"sv,
                                       "جميع المقالات تعبر عن رأي كتابها ولا تعبر عن رأي الموقع"sv};

constexpr std::array kRussianSections = {"Новости"sv,     "В мире"sv,   "Политика"sv, "Экономика"sv,  "Общество"sv,
                                         "Спорт"sv,       "Культура"sv, "Наука"sv,    "Технологии"sv, "Здоровье"sv,
                                         "Мнения"sv,      "Видео"sv,    "Фото"sv,     "Погода"sv,     "Происшествия"sv,
                                         "Образование"sv, "Регионы"sv,  "Финансы"sv};
constexpr std::array kRussianAccount = {"Войти"sv,    "Регистрация"sv, "Подписаться"sv,   "Поиск"sv,
                                        "Контакты"sv, "Реклама"sv,     "Личный кабинет"sv};
constexpr std::array kRussianFooters = {"© {year} {host}. Все права защищены."sv,
                                        "Все права защищены © {since}–{year} {host}"sv,
                                        "Политика конфиденциальности | Пользовательское соглашение | Контакты"sv,
                                        "О проекте | Контакты | Реклама на сайте"sv,
                                        "Подпишитесь на нашу рассылку"sv,
                                        "Мы в соцсетях: ВКонтакте, Telegram, YouTube"sv,
                                        "При использовании материалов ссылка на {host} обязательна."sv};

constexpr std::array kGreekSections = {"Ειδήσεις"sv,   "Κόσμος"sv,     "Πολιτική"sv, "Οικονομία"sv,  "Κοινωνία"sv,
                                       "Αθλητισμός"sv, "Πολιτισμός"sv, "Επιστήμη"sv, "Τεχνολογία"sv, "Υγεία"sv,
                                       "Απόψεις"sv,    "Βίντεο"sv,     "Καιρός"sv,   "Ταξίδια"sv};
constexpr std::array kGreekAccount = {"Σύνδεση"sv, "Εγγραφή"sv, "Αναζήτηση"sv, "Επικοινωνία"sv, "Συνδρομή"sv};
constexpr std::array kGreekFooters = {"© {year} {host}. Με την επιφύλαξη παντός δικαιώματος."sv,
                                      "Όροι χρήσης | Πολιτική απορρήτου | Επικοινωνία"sv,
                                      "Ποιοι είμαστε | Επικοινωνία | Διαφήμιση"sv, "Εγγραφείτε στο newsletter μας"sv,
                                      "Ακολουθήστε μας στο Facebook και στο Twitter"sv};

constexpr std::array kHebrewSections = {"חדשות"sv, "בעולם"sv,  "פוליטיקה"sv,  "כלכלה"sv,    "ספורט"sv,
                                        "תרבות"sv, "מדע"sv,    "טכנולוגיה"sv, "בריאות"sv,   "דעות"sv,
                                        "וידאו"sv, "תיירות"sv, "צרכנות"sv,    "מזג אוויר"sv};
constexpr std::array kHebrewAccount = {"התחברות"sv, "הרשמה"sv, "חיפוש"sv, "צור קשר"sv, "מינוי דיגיטלי"sv};
constexpr std::array kHebrewFooters = {"© כל הזכויות שמורות ל-{host} {year}"sv,
                                       "תנאי שימוש | מדיניות פרטיות | צור קשר"sv, "אודות | צור קשר | פרסום באתר"sv,
                                       "הירשמו לניוזלטר שלנו"sv, "עקבו אחרינו בפייסבוק ובטוויטר"sv};

constexpr std::array kHindiSections = {"समाचार"sv, "देश"sv,       "दुनिया"sv,  "राजनीति"sv, "व्यापार"sv, "खेल"sv,
                                       "मनोरंजन"sv, "टेक्नोलॉजी"sv, "विज्ञान"sv, "स्वास्थ्य"sv,  "शिक्षा"sv,  "विचार"sv,
                                       "वीडियो"sv, "फोटो"sv,     "मौसम"sv,   "राज्य"sv};
constexpr std::array kHindiAccount = {"लॉग इन"sv, "रजिस्टर करें"sv, "खोजें"sv, "संपर्क करें"sv, "सब्सक्राइब करें"sv};
constexpr std::array kHindiFooters = {
    "© {year} {host}. सर्वाधिकार सुरक्षित।"sv, "कॉपीराइट © {year} {host}"sv, "गोपनीयता नीति | उपयोग की शर्तें | संपर्क करें"sv,
    "हमारे बारे में | संपर्क करें | विज्ञापन दें"sv,   "हमारे न्यूज़लेटर की सदस्यता लें"sv,  "हमें फेसबुक और ट्विटर पर फॉलो करें"sv};

constexpr std::array kChineseSections = {"新闻"sv, "国内"sv, "国际"sv, "财经"sv, "体育"sv, "娱乐"sv,
                                         "科技"sv, "文化"sv, "教育"sv, "健康"sv, "汽车"sv, "房产"sv,
                                         "评论"sv, "视频"sv, "图片"sv, "社会"sv, "军事"sv, "旅游"sv};
constexpr std::array kChineseAccount = {"登录"sv, "注册"sv, "搜索"sv, "联系我们"sv, "订阅"sv};
constexpr std::array kChineseFooters = {"© {year} {host} 版权所有"sv,
                                        "版权所有 © {since}-{year} {host} 保留所有权利"sv,
                                        "关于我们 | 联系我们 | 隐私政策 | 使用条款"sv,
                                        "广告服务 | 招聘信息 | 网站地图"sv,
                                        "订阅我们的新闻邮件"sv,
                                        "未经许可，不得转载"sv};

constexpr std::array kJapaneseSections = {"ニュース"sv, "国内"sv,     "国際"sv,     "政治"sv, "経済"sv,
                                          "社会"sv,     "スポーツ"sv, "エンタメ"sv, "科学"sv, "IT"sv,
                                          "文化"sv,     "ライフ"sv,   "天気"sv,     "動画"sv, "写真"sv};
constexpr std::array kJapaneseAccount = {"ログイン"sv, "会員登録"sv, "検索"sv, "お問い合わせ"sv};
constexpr std::array kJapaneseFooters = {"© {year} {host} All Rights Reserved."sv,
                                         "Copyright © {year} {host}"sv,
                                         "利用規約 | プライバシーポリシー | お問い合わせ"sv,
                                         "会社概要 | 広告掲載 | サイトマップ"sv,
                                         "ニュースレターを購読する"sv,
                                         "記事の無断転載を禁じます。"sv};

constexpr std::array kKoreanSections = {"뉴스"sv, "정치"sv,    "경제"sv, "사회"sv,     "국제"sv, "스포츠"sv, "연예"sv,
                                        "문화"sv, "IT·과학"sv, "생활"sv, "오피니언"sv, "포토"sv, "영상"sv,   "날씨"sv};
constexpr std::array kKoreanAccount = {"로그인"sv, "회원가입"sv, "검색"sv, "구독신청"sv, "고객센터"sv};
constexpr std::array kKoreanFooters = {
    "© {year} {host}. 무단 전재 및 재배포 금지"sv, "Copyright © {year} {host}. All rights reserved."sv,
    "회사소개 | 이용약관 | 개인정보처리방침 | 고객센터"sv, "광고문의 | 제휴문의 | 기사제보"sv, "뉴스레터 구독하기"sv};

constexpr std::array kThaiSections = {"ข่าว"sv,     "การเมือง"sv, "เศรษฐกิจ"sv,  "สังคม"sv,   "ต่างประเทศ"sv,
                                      "กีฬา"sv,     "บันเทิง"sv,   "เทคโนโลยี"sv, "สุขภาพ"sv,  "การศึกษา"sv,
                                      "ไลฟ์สไตล์"sv, "วิดีโอ"sv,    "ภาพข่าว"sv,   "ท่องเที่ยว"sv};
constexpr std::array kThaiAccount = {"เข้าสู่ระบบ"sv, "สมัครสมาชิก"sv, "ค้นหา"sv, "ติดต่อเรา"sv};
constexpr std::array kThaiFooters = {"© {year} {host} สงวนลิขสิทธิ์"sv,
                                     "Copyright © {year} {host} All rights reserved."sv,
                                     "นโยบายความเป็นส่วนตัว | ข้อกำหนดการใช้งาน | ติดต่อเรา"sv,
                                     "เกี่ยวกับเรา | ติดต่อโฆษณา | ร่วมงานกับเรา"sv,
                                     "สมัครรับจดหมายข่าว"sv,
                                     "ติดตามเราได้ที่ Facebook และ Twitter"sv};

constexpr std::array kUniversalFooters = {"© {year} {host}"sv, "{host} © {since}-{year}"sv,
                                          "Copyright © {year} {host}"sv};
constexpr std::array kSocialNetworks = {"Facebook"sv, "Twitter"sv,  "Instagram"sv, "YouTube"sv,
                                        "Telegram"sv, "WhatsApp"sv, "TikTok"sv,    "LinkedIn"sv};

const std::array<SiteVocabulary, 10> kVocabularies = {{
    {"Home", kEnglishSections, kEnglishAccount, kEnglishFooters, "Read more: "},
    {"الرئيسية", kArabicSections, kArabicAccount, kArabicFooters, "اقرأ أيضا: "},
    {"Главная", kRussianSections, kRussianAccount, kRussianFooters, "Читайте также: "},
    {"Αρχική", kGreekSections, kGreekAccount, kGreekFooters, "Διαβάστε επίσης: "},
    {"ראשי", kHebrewSections, kHebrewAccount, kHebrewFooters, "קראו גם: "},
    {"होम", kHindiSections, kHindiAccount, kHindiFooters, "यह भी पढ़ें: "},
    {"首页", kChineseSections, kChineseAccount, kChineseFooters, "相关阅读："},
    {"ホーム", kJapaneseSections, kJapaneseAccount, kJapaneseFooters, "関連記事："},
    {"홈", kKoreanSections, kKoreanAccount, kKoreanFooters, "관련기사: "},
    {"หน้าแรก", kThaiSections, kThaiAccount, kThaiFooters, "อ่านเพิ่มเติม: "},
}};

bool in(uint32_t c, uint32_t low, uint32_t high) { return c >= low && c <= high; }

bool in_ranges(std::span<const CodePointRange> ranges, uint32_t c) {
  const auto after = std::upper_bound(ranges.begin(), ranges.end(), c,
                                      [](uint32_t value, const CodePointRange& range) { return value < range.first; });
  return after != ranges.begin() && c <= std::prev(after)->last;
}

// Script buckets of detect_script: the enum's scripts with a vocabulary, then kana, then other letters.
constexpr int kKana = 10;
constexpr int kOtherLetter = 11;
constexpr int kBuckets = 12;

int script_bucket(uint32_t c) {
  if (in(c, 'A', 'Z') || in(c, 'a', 'z') || (in(c, 0x00C0, 0x02AF) && c != 0xD7 && c != 0xF7) || in(c, 0x1E00, 0x1EFF))
    return static_cast<int>(Script::latin);
  if (in(c, 0x0370, 0x03FF) || in(c, 0x1F00, 0x1FFF)) return static_cast<int>(Script::greek);
  if (in(c, 0x0400, 0x052F) || in(c, 0x1C80, 0x1C8F) || in(c, 0xA640, 0xA69F))
    return static_cast<int>(Script::cyrillic);
  if (in(c, 0x0590, 0x05FF) || in(c, 0xFB1D, 0xFB4F)) return static_cast<int>(Script::hebrew);
  if (in(c, 0x0600, 0x06FF) || in(c, 0x0750, 0x077F) || in(c, 0x08A0, 0x08FF) || in(c, 0xFB50, 0xFDFF) ||
      in(c, 0xFE70, 0xFEFF))
    return static_cast<int>(Script::arabic);
  if (in(c, 0x0900, 0x097F)) return static_cast<int>(Script::devanagari);
  if (in(c, 0x0E00, 0x0E7F)) return static_cast<int>(Script::thai);
  if (in(c, 0x1100, 0x11FF) || in(c, 0x3130, 0x318F) || in(c, 0xAC00, 0xD7AF)) return static_cast<int>(Script::hangul);
  if (in(c, 0x3040, 0x30FF) || in(c, 0x31F0, 0x31FF)) return kKana;
  if (in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) || in(c, 0xF900, 0xFAFF) || in(c, 0x20000, 0x2FFFF))
    return static_cast<int>(Script::han);
  return kOtherLetter;
}

// Letters by script bucket, and spaces, over the texts added.
struct ScriptCounts {
  std::array<uint64_t, kBuckets> letters{};
  uint64_t spaces = 0;

  void add(std::string_view text) {
    size_t at = 0;
    while (at < text.size()) {
      const uint32_t c = decode_code_point(text, at);
      if (c == ' ') ++spaces;
      if (is_punctuation(c) || is_combining_mark(c)) continue;
      ++letters[script_bucket(c)];
    }
  }

  Script script() const {
    const int best = static_cast<int>(std::max_element(letters.begin(), letters.end()) - letters.begin());
    const auto han = static_cast<int>(Script::han);
    if (best == kKana || (best == han && letters[kKana] * 10 >= letters[han] + letters[kKana])) return Script::japanese;
    if (best != kOtherLetter) return static_cast<Script>(best);
    // Spaced scripts have a space every few letters (Latin about 1 in 6, Inuktitut syllabics 1 in 10); Khmer,
    // Lao, Tibetan and Tai Tham put one between phrases only (1 in 13-40), Ethiopic writes its own word mark.
    return spaces * 12 >= letters[kOtherLetter] ? Script::other_spaced : Script::other_unspaced;
  }
};

// The code points of `text` with the byte offset of each, and the text's size as a last offset.
struct CodePoints {
  std::vector<uint32_t> values;
  std::vector<size_t> offsets;
};

CodePoints code_points_of(std::string_view text) {
  CodePoints points;
  size_t at = 0;
  while (at < text.size()) {
    points.offsets.push_back(at);
    points.values.push_back(decode_code_point(text, at));
  }
  points.offsets.push_back(text.size());
  return points;
}

}  // namespace

const char* to_string(Script script) {
  switch (script) {
    case Script::latin: return "latin";
    case Script::arabic: return "arabic";
    case Script::cyrillic: return "cyrillic";
    case Script::greek: return "greek";
    case Script::hebrew: return "hebrew";
    case Script::devanagari: return "devanagari";
    case Script::han: return "han";
    case Script::japanese: return "japanese";
    case Script::hangul: return "hangul";
    case Script::thai: return "thai";
    case Script::other_spaced: return "other_spaced";
    case Script::other_unspaced: return "other_unspaced";
  }
  return "unknown";
}

bool is_spaced(Script script) {
  return script != Script::han && script != Script::japanese && script != Script::thai &&
         script != Script::other_unspaced;
}

Script detect_script(const TextPool& pool, size_t family) {
  ScriptCounts counts;
  const size_t sentences = pool.sentence_count(family);
  const size_t samples = std::min<size_t>(sentences, 64);
  for (size_t i = 0; i < samples; ++i) counts.add(pool.sentence(family, i * sentences / samples));
  return counts.script();
}

Script text_script(std::string_view text) {
  ScriptCounts counts;
  counts.add(text);
  return counts.script();
}

const SiteVocabulary* vocabulary(Script script) {
  // kVocabularies is in the enum's order, latin to thai.
  const auto index = static_cast<size_t>(script);
  return index < kVocabularies.size() ? &kVocabularies[index] : nullptr;
}

std::span<const std::string_view> universal_footers() { return kUniversalFooters; }
std::span<const std::string_view> social_networks() { return kSocialNetworks; }

uint32_t decode_code_point(std::string_view text, size_t& at) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(at);
  size_t length = lead < 0x80                   ? 1
                  : lead >= 0xC2 && lead < 0xE0 ? 2
                  : lead >= 0xE0 && lead < 0xF0 ? 3
                  : lead >= 0xF0 && lead < 0xF5 ? 4
                                                : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return 0xFFFD;
  }
  uint32_t value = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(at + k) & 0xC0) != 0x80) {
      ++at;
      return 0xFFFD;
    }
    value = (value << 6) | (byte(at + k) & 0x3F);
  }
  at += length;
  return value;
}

size_t code_point_count(std::string_view text) {
  size_t count = 0;
  for (size_t at = 0; at < text.size(); ++count) decode_code_point(text, at);
  return count;
}

bool is_punctuation(uint32_t c) {
  if (c < 0x80) return !(in(c, 'a', 'z') || in(c, 'A', 'Z'));  // digits, spaces, controls and ASCII punctuation
  return in_ranges(kNonWordRanges, c);
}

bool is_combining_mark(uint32_t c) { return c >= 0x80 && in_ranges(kMarkRanges, c); }

std::string_view strip_trailing_punctuation(std::string_view text) {
  size_t end = text.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t at = start;
    if (!is_punctuation(decode_code_point(text, at)) || at != end) break;
    end = start;
  }
  return text.substr(0, end);
}

std::string sentence_start(std::string_view sentence, Script script, size_t units) {
  size_t end = sentence.size();
  if (is_spaced(script)) {
    size_t words = 0;
    for (size_t i = 0; i < sentence.size(); ++i) {
      if (sentence[i] != ' ' || (i > 0 && sentence[i - 1] == ' ')) continue;
      if (++words == units) {
        end = i;
        break;
      }
    }
  } else {
    const CodePoints points = code_points_of(sentence);
    size_t cut = std::min(points.values.size(), 2 * units);
    while (cut < points.values.size() && is_combining_mark(points.values[cut])) ++cut;
    end = points.offsets[cut];
  }
  return std::string(strip_trailing_punctuation(sentence.substr(0, end)));
}

std::string family_word(const TextPool& pool, size_t family, Script script, Rng& rng) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    const std::string_view sentence = pool.random_sentence(family, rng);
    const CodePoints points = code_points_of(sentence);
    const size_t n = points.values.size();
    if (n == 0) continue;
    size_t first = 0;
    size_t last = 0;  // one past the word's last code point
    if (is_spaced(script)) {
      // The run of letters around a random code point: punctuation (a hyphen, a quote, Ethiopic's word
      // mark) ends a word as a space does.
      const size_t pick = rng.below(n);
      if (is_punctuation(points.values[pick])) continue;
      first = pick;
      while (first > 0 && !is_punctuation(points.values[first - 1])) --first;
      last = pick;
      while (last < n && !is_punctuation(points.values[last])) ++last;
      if (last - first < 2 || last - first > 20 || is_combining_mark(points.values[first])) continue;
    } else {
      // 2-4 characters (each with its marks) from a random letter on, up to the next punctuation.
      first = rng.below(n);
      while (first < n && (is_combining_mark(points.values[first]) || is_punctuation(points.values[first]))) ++first;
      const size_t wanted = static_cast<size_t>(rng.between(2, 4));
      size_t characters = 0;
      last = first;
      while (last < n && characters < wanted && !is_punctuation(points.values[last])) {
        ++last;
        while (last < n && is_combining_mark(points.values[last])) ++last;
        ++characters;
      }
      if (characters < 2) continue;
    }
    return std::string(sentence.substr(points.offsets[first], points.offsets[last] - points.offsets[first]));
  }
  return {};
}

}  // namespace corpusflow::gen
