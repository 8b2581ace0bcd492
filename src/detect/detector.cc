// Language identification: rules for what the statistics cannot know, then the n-gram model.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "detect/features.h"
#include "kurdi/detect.h"
#include "kurdi/morph.h"
#include "kurdi/text.h"
#include "text/tables.h"

KURDI_DECLARE_TABLE(detect_foreign_letters_tsv)
KURDI_DECLARE_TABLE(detect_english_words_tsv)
KURDI_DECLARE_TABLE(detect_not_ckb_letters_tsv)

extern "C" {
extern const unsigned char kurdi_lid_model_begin[];
extern const unsigned char kurdi_lid_model_end[];
}

namespace kurdi {
namespace {

constexpr int kStride = 16;  // bytes per bucket in memory (classes padded)
constexpr int kMaxClasses = 16;

// Model columns (tools/train_lid/train_lid.cc kClassNames).
enum Cls { kCkbArab, kCkbLatn, kKmrArab, kKmrLatn, kSdh, kHac, kZza, kAr, kFa, kTr, kNumCls };
constexpr std::string_view kLabel[kNumCls] = {"ckb", "ckb", "kmr", "kmr", "sdh", "hac", "zza", "ar", "fa", "tr"};
constexpr int kArabClasses[] = {kCkbArab, kKmrArab, kSdh, kHac, kAr, kFa};
constexpr int kLatnClasses[] = {kCkbLatn, kKmrLatn, kZza, kTr};

}  // namespace

struct Detector::Impl {
  DetectOptions options;
  std::vector<unsigned char> table;  // buckets x kStride
  int classes = 0;
  double lo = 0, step = 1;
  bool ok = false;
  std::array<bool, 0x100> foreign_06{};  // U+0600..U+06FF
  std::array<bool, 0x100> not_ckb_06{};  // U+0600..U+06FF: letters the Sorani spelling never uses
  std::unordered_set<std::string_view> english;
  Analyzer sorani;  // for options.known_words

  void load_model() {
    const unsigned char* p = kurdi_lid_model_begin;
    size_t n = static_cast<size_t>(kurdi_lid_model_end - kurdi_lid_model_begin);
    if (n < 32 || std::memcmp(p, "KLID", 4) != 0) return;
    uint32_t version, ncls, log2b;
    std::memcpy(&version, p + 4, 4);
    std::memcpy(&ncls, p + 8, 4);
    std::memcpy(&log2b, p + 12, 4);
    std::memcpy(&lo, p + 16, 8);
    std::memcpy(&step, p + 24, 8);
    if (version != 1 || ncls != kNumCls || log2b != static_cast<uint32_t>(lid::kLog2Buckets)) return;
    size_t header = 32 + 16 * ncls;
    size_t buckets = size_t{1} << log2b;
    if (n < header + buckets * ncls) return;
    classes = static_cast<int>(ncls);
    table.assign(buckets * kStride, 255);
    for (size_t b = 0; b < buckets; ++b)
      std::memcpy(&table[b * kStride], p + header + b * ncls, ncls);
    ok = true;
  }

  void load_tables() {
    const auto& f = tables::detect_foreign_letters_tsv;
    int cl = f.column("letter");
    f.for_each_row([&](const std::vector<std::string_view>& r, size_t) {
      std::u32string u = utf8::to_u32(r[cl]);
      if (u.size() == 1 && u[0] >= 0x600 && u[0] <= 0x6FF) foreign_06[u[0] - 0x600] = true;
    });
    const auto& nc = tables::detect_not_ckb_letters_tsv;
    int cn = nc.column("letter");
    nc.for_each_row([&](const std::vector<std::string_view>& r, size_t) {
      std::u32string u = utf8::to_u32(r[cn]);
      if (u.size() == 1 && u[0] >= 0x600 && u[0] <= 0x6FF) not_ckb_06[u[0] - 0x600] = true;
    });
    const auto& e = tables::detect_english_words_tsv;
    int cw = e.column("word");
    e.for_each_row([&](const std::vector<std::string_view>& r, size_t) { english.insert(r[cw]); });
  }

  // Sums the costs of every feature for all classes; stops early on long texts once `allowed`
  // classes are well separated. Returns the number of features.
  size_t score(std::string_view text, std::array<uint32_t, kMaxClasses>& sum, const int* allowed,
               size_t nallowed) const {
    // Buckets are gathered in batches and prefetched before they are summed: the table does not fit
    // in L1/L2, and the lookups are independent.
    constexpr size_t kBatch = 32;
    std::array<uint32_t, kBatch> batch;
    size_t nb = 0, total = 0, since_check = 0;
    std::array<uint16_t, kMaxClasses> acc{};
    sum.fill(0);
    const unsigned char* t = table.data();
    const double margin = options.stop_margin;
    const size_t min_features = static_cast<size_t>(std::max(0, options.min_features));
    auto drain = [&] {
      for (size_t k = 0; k < nb; ++k) {
        const unsigned char* row = t + static_cast<size_t>(batch[k]) * kStride;
        for (int c = 0; c < kMaxClasses; ++c) acc[c] = static_cast<uint16_t>(acc[c] + row[c]);
      }
      for (int c = 0; c < kMaxClasses; ++c) sum[c] += acc[c];
      acc.fill(0);
      total += nb;
      since_check += nb;
      nb = 0;
    };
    lid::for_each_feature(text, [&](uint32_t b) {
      __builtin_prefetch(t + static_cast<size_t>(b) * kStride);
      batch[nb++] = b;
      if (nb < kBatch) return true;
      drain();
      if (total >= min_features && since_check >= 64) {
        since_check = 0;
        uint32_t best = UINT32_MAX, second = UINT32_MAX;
        for (size_t i = 0; i < nallowed; ++i) {
          uint32_t v = sum[allowed[i]];
          if (v < best) { second = best; best = v; }
          else if (v < second) second = v;
        }
        if (second != UINT32_MAX && second - best > margin) return false;
      }
      return true;
    });
    drain();
    return total;
  }

  Detection detect(std::string_view text) const;

  // Every Arabic-script word of `text` (letters, marks, ZWNJ, tatweel) is known to the Sorani
  // analyzer (a non-guessed analysis).
  bool all_words_sorani(std::string_view text) const {
    size_t i = 0, start = std::string_view::npos;
    const size_t n = text.size();
    while (i <= n) {
      int len = 1;
      char32_t c = i < n ? utf8::decode(text, i, len) : U' ';
      bool in = i < n && ((chars::is_arabic_letter(c) && c != 0x0640) || chars::is_arabic_mark(c) || c == chars::kZwnj ||
                          c == 0x0640);
      if (in && start == std::string_view::npos) start = i;
      if (!in && start != std::string_view::npos) {
        if (!sorani.known(text.substr(start, i - start))) return false;
        start = std::string_view::npos;
      }
      i += static_cast<size_t>(len);
    }
    return true;
  }
};

Detection Detector::Impl::detect(std::string_view text) const {
  Detection d;
  // Pass 1: scripts, words, foreign letters, English function words (bounded on long inputs).
  size_t arab = 0, latn = 0, other = 0, arab_words = 0, foreign_words = 0, latn_words = 0, en_words = 0;
  size_t latn_special = 0;
  size_t ckb_latin = 0;     // ř ł: letters only the Kurdish-Academy Latin spelling of Sorani uses
  size_t not_ckb = 0;       // Arabic-script letters the Sorani spelling never uses (not_ckb_letters.tsv)
  bool bare_alef_start = false;  // the first Arabic-script word starts with ا أ إ (Sorani writes ئا)
  bool in_word = false, word_arab = false, word_foreign = false;
  std::string word;  // current Latin word, lowercased ASCII (empty when it has other letters)
  bool word_ascii = true;
  auto end_word = [&] {
    if (!in_word) return;
    if (word_arab) {
      ++arab_words;
      foreign_words += word_foreign;
    } else {
      ++latn_words;
      if (word_ascii && english.count(word)) ++en_words;
    }
    in_word = false;
    word.clear();
  };
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    int len = 1;
    unsigned char b = static_cast<unsigned char>(text[i]);
    char32_t c;
    if (b < 0x80) {
      c = b;
    } else if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      c = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      len = 2;
    } else {
      c = utf8::decode(text.data(), n, i, len);
    }
    i += len;
    bool is_ar = chars::is_arabic_letter(c) && c != 0x0640;
    bool is_la = !is_ar && chars::is_latin_letter(c);
    if (is_ar || is_la) {
      if (in_word && word_arab != is_ar) end_word();
      if (!in_word) {
        if (is_ar && arab_words == 0 && (c == 0x0627 || c == 0x0623 || c == 0x0625)) bare_alef_start = true;
        in_word = true;
        word_arab = is_ar;
        word_foreign = false;
        word_ascii = true;
      }
      if (is_ar) {
        ++arab;
        if (c >= 0x600 && c <= 0x6FF) {
          word_foreign |= foreign_06[c - 0x600];
          not_ckb += not_ckb_06[c - 0x600];
        }
      } else {
        ++latn;
        if (c < 0x80) {
          if (word.size() < 16) word += static_cast<char>(c | 0x20);
        } else {
          word_ascii = false;
          ++latn_special;
          if (c == 0x0159 || c == 0x0158 || c == 0x0142 || c == 0x0141) ++ckb_latin;
        }
      }
    } else if (chars::is_arabic_mark(c)) {
      if (c >= 0x600 && c <= 0x6FF && foreign_06[c - 0x600] && in_word) word_foreign = true;
      if (c >= 0x600 && c <= 0x6FF && not_ckb_06[c - 0x600]) ++not_ckb;
    } else if (c == '\'' || c == 0x2019 || c == chars::kZwnj || c == 0x0640) {
      // inside words
    } else {
      end_word();
      if (chars::is_letter(c)) ++other;
    }
    if (arab + latn + other > 1500) break;  // enough to know the script and the rules' ratios
  }
  end_word();
  size_t letters = arab + latn + other;
  if (letters == 0 || !ok) return d;  // und, Zyyy
  if (other > arab && other > latn) {
    d.script = "Zzzz";
    d.confidence = 0.9;
    return d;
  }
  const bool is_arab = arab >= latn;
  d.script = is_arab ? "Arab" : "Latn";
  if (is_arab) {
    if (foreign_words > 0 &&
        static_cast<double>(foreign_words) >= options.foreign_word_ratio * static_cast<double>(arab_words)) {
      d.confidence = std::min(0.99, 0.5 + static_cast<double>(foreign_words) / arab_words);
      return d;  // und: another Arabic-script language
    }
  } else if (latn_words > 0 && latn_special * 20 < latn &&
             (static_cast<double>(en_words) >= options.english_ratio * static_cast<double>(latn_words) ||
              // plain ASCII text (no ê î û ş ç ı ...) needs less: one function word in twelve
              (latn_special == 0 && en_words >= 1 && en_words * 12 >= latn_words))) {
    d.label = "en";
    d.confidence = std::min(0.99, 0.5 + static_cast<double>(en_words) / latn_words);
    return d;
  }
  if (!is_arab && ckb_latin > 0 && options.latin_ckb_letters) {
    d.label = "ckb";
    d.confidence = std::min(0.99, 0.8 + 0.05 * static_cast<double>(ckb_latin));
    return d;
  }
  // Pass 2: the model, over the classes of the script.
  const int* allowed = is_arab ? kArabClasses : kLatnClasses;
  size_t nallowed = is_arab ? std::size(kArabClasses) : std::size(kLatnClasses);
  std::array<uint32_t, kMaxClasses> sum;
  score(text, sum, allowed, nallowed);
  std::array<double, kMaxClasses> cost{};
  for (size_t i = 0; i < nallowed; ++i) cost[allowed[i]] = static_cast<double>(sum[allowed[i]]);
  if (is_arab && not_ckb > 0 && options.not_ckb_letters) {
    cost[kCkbArab] = 1e18;  // a letter Sorani never writes: one of the neighbours
  } else if (is_arab && !bare_alef_start && arab_words <= static_cast<size_t>(std::max(0, options.short_text_words)) &&
             arab < static_cast<size_t>(std::max(0, options.short_text_letters))) {
    // (not for a word starting with a bare alef: Sorani writes a word-initial vowel with ئ)
    cost[kCkbArab] -= options.short_text_bias * static_cast<double>(options.short_text_letters - static_cast<int>(arab));
  }
  int best = allowed[0];
  for (size_t i = 1; i < nallowed; ++i)
    if (cost[allowed[i]] < cost[best]) best = allowed[i];
  if (is_arab && (best == kKmrArab || best == kSdh || best == kHac) && arab_words > 0 &&
      arab_words <= static_cast<size_t>(std::max(0, options.known_words)) &&
      !(not_ckb > 0 && options.not_ckb_letters) && all_words_sorani(text)) {
    cost[kCkbArab] = cost[best];  // a tie: the confidence says the model did not decide it
    best = kCkbArab;
  }
  // confidence: softmax over the script's classes, costs in nats, tempered (naive Bayes is overconfident)
  double z = 0;
  for (size_t i = 0; i < nallowed; ++i) z += std::exp(-(cost[allowed[i]] - cost[best]) * step * 0.25);
  d.label = kLabel[best];
  d.confidence = 1.0 / z;
  return d;
}

Detector::Detector() : Detector(DetectOptions{}) {}
Detector::Detector(const DetectOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->load_model();
  impl_->load_tables();
}
Detector::~Detector() = default;
Detector::Detector(Detector&&) noexcept = default;
Detector& Detector::operator=(Detector&&) noexcept = default;
const DetectOptions& Detector::options() const { return impl_->options; }
Detection Detector::detect(std::string_view text) const { return impl_->detect(text); }

std::string Detector::model_info() const {
  if (!impl_->ok) return "no model";
  return "KLID v1, " + std::to_string(impl_->classes) + " classes, " + std::to_string(lid::kBuckets) + " buckets";
}

}  // namespace kurdi
