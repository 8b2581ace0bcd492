// kurdi::LegacyDecoder: Sorani typed under legacy (pre-Unicode-Kurdish) fonts -> Unicode Sorani.
//
// Older Kurdish documents were typed with Arabic code points standing for Kurdish letters, shown
// correctly only under a particular font: Ali-K, Ali-Web, Dylan, Zarnegar. Each font's mapping is a
// hand-written table (data/decode/<font>.tsv, compiled in). The decoder rewrites one paragraph with
// a longest-match pass over that table; detect_font() says, per paragraph, whether text is legacy
// encoded at all and for which font. Proper Unicode Kurdish, Arabic and Persian come out as
// Font::kNone, and decode(text, kNone) copies them unchanged.
//
//   kurdi::LegacyDecoder d;
//   kurdi::Font f = d.detect_font("بةرِيَوةبةرى طشتى");      // Font::kAliK
//   std::string u = d.decode("بةرِيَوةبةرى طشتى", f);         // "بەڕێوەبەری گشتی"
//
// A LegacyDecoder is immutable after construction and safe to share between threads. Hot-path calls
// never fail: invalid UTF-8 becomes U+FFFD.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "kurdi/result.h"
#include "kurdi/text.h"

namespace kurdi {

enum class Font {
  kNone,      // not legacy-encoded (Unicode text): decode() copies it
  kAliK,      // Ali-K family (Ali_K_Samik, Ali_K_Alwand ...)
  kAliWeb,    // Ali-Web family
  kDylan,     // Dylan family
  kZarnegar,  // Zarnegar word processor
};

const char* to_string(Font f);  // "none", "alik", "aliweb", "dylan", "zarnegar"
// Parses a font name as used on the command line ("auto" is not a font: handle it before).
Result<Font> parse_font(std::string_view name);

struct DecodeOptions {
  // detect_font(): minimum number of Arabic-script words a paragraph needs before it can be called
  // legacy (shorter paragraphs come out kNone unless a font-specific mark is present). Default 2.
  int min_words = 2;
  Utf8Policy utf8 = Utf8Policy::kReplace;
};

struct FontGuess {
  Font font = Font::kNone;
  double confidence = 0;  // 0..1
};

class LegacyDecoder {
 public:
  LegacyDecoder();
  explicit LegacyDecoder(const DecodeOptions& options);
  ~LegacyDecoder();
  LegacyDecoder(LegacyDecoder&&) noexcept;
  LegacyDecoder& operator=(LegacyDecoder&&) noexcept;

  const DecodeOptions& options() const;

  // Which font, if any, a paragraph was typed for. Unicode Sorani, Arabic and Persian -> kNone.
  Font detect_font(std::string_view paragraph) const;
  FontGuess guess_font(std::string_view paragraph) const;

  // Rewrites `text` from `font` to Unicode Sorani (not yet normalized: run kurdi::Normalizer after).
  // kNone copies the text (with invalid UTF-8 replaced).
  std::string decode(std::string_view text, Font font) const;
  // Appends to `out`; `map` (optional) receives output->input byte offsets.
  void decode(std::string_view text, Font font, std::string& out, OffsetMap* map = nullptr) const;

  // The inverse mapping (Unicode Sorani -> font), used by tests and the evaluation generator.
  std::string encode(std::string_view unicode, Font font) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi
