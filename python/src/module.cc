// kurdi._kurdi: pybind11 bindings of the kurdi C++ library (the Python facade lives in
// python/kurdi/__init__.py).
//
// Rules kept by every binding:
//   - every call into the C++ library runs with the GIL released (py::gil_scoped_release), so
//     several Python threads can use one object at once (the C++ objects are immutable and
//     thread-safe after construction);
//   - inputs are str (code point offsets are reported) or bytes (UTF-8; byte offsets are reported);
//     invalid UTF-8 in bytes becomes U+FFFD, or raises UnicodeDecodeError under utf8="strict";
//   - bad options raise ValueError naming the option and the accepted values; nothing crashes.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <structmember.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kurdi/decode.h"
#include "kurdi/detect.h"
#include "kurdi/morph.h"
#include "kurdi/normalize.h"
#include "kurdi/numbers.h"
#include "kurdi/sentences.h"
#include "kurdi/text.h"
#include "kurdi/tokenize.h"
#include "kurdi/translit.h"
#include "kurdi/version.h"
#ifdef KURDI_HAVE_SPELL
#include "kurdi/spell.h"
#endif

namespace py = pybind11;
using namespace kurdi;

namespace {

// ---------------------------------------------------------------------------------------------
// Input handling: str -> UTF-8 view (no copy: CPython caches the UTF-8 form), bytes -> view.

struct Input {
  std::string_view view;
  bool is_bytes = false;
  py::object keep;  // keeps the buffer alive
};

Input get_input(const py::handle& obj, const char* what = "text") {
  Input in;
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t n = 0;
    const char* p = PyUnicode_AsUTF8AndSize(obj.ptr(), &n);
    if (!p) throw py::error_already_set();  // lone surrogates: UnicodeEncodeError
    in.view = std::string_view(p, static_cast<size_t>(n));
  } else if (PyBytes_Check(obj.ptr())) {
    in.view = std::string_view(PyBytes_AS_STRING(obj.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(obj.ptr())));
    in.is_bytes = true;
  } else if (PyByteArray_Check(obj.ptr())) {
    in.view = std::string_view(PyByteArray_AS_STRING(obj.ptr()), static_cast<size_t>(PyByteArray_GET_SIZE(obj.ptr())));
    in.is_bytes = true;
  } else {
    throw py::type_error(std::string(what) + " must be str or bytes, not " +
                         std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
  }
  in.keep = py::reinterpret_borrow<py::object>(obj);
  return in;
}

// A str from UTF-8 produced by the library (always valid UTF-8; "replace" is a safety net).
py::str to_str(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

[[noreturn]] void raise_invalid_utf8(std::string_view s, size_t offset) {
  size_t end = offset + 1;
  std::string reason = "invalid UTF-8 at byte " + std::to_string(offset) + " (utf8='strict')";
  PyObject* e = PyUnicodeDecodeError_Create("utf-8", s.data(), static_cast<Py_ssize_t>(s.size()),
                                            static_cast<Py_ssize_t>(offset),
                                            static_cast<Py_ssize_t>(end), reason.c_str());
  if (e) {
    PyErr_SetObject(PyExc_UnicodeDecodeError, e);
    Py_DECREF(e);
  }
  throw py::error_already_set();
}

// Strict check for bytes input (str input is valid UTF-8 by construction).
void check_strict(const Input& in, bool strict) {
  if (!strict || !in.is_bytes) return;
  size_t bad;
  {
    py::gil_scoped_release nogil;
    bad = utf8::find_invalid(in.view);
  }
  if (bad != std::string_view::npos) raise_invalid_utf8(in.view, bad);
}

[[noreturn]] void bad_option(const std::string& name, const std::string& value, const std::string& accepted) {
  throw py::value_error("kurdi: bad value " + value + " for option '" + name + "'; expected " + accepted);
}

std::string repr_of(const py::handle& h) { return std::string(py::repr(h)); }

// Reads an enum-like option given as a string.
template <class E>
E pick(const std::string& name, const py::handle& value, std::initializer_list<std::pair<const char*, E>> choices) {
  std::string accepted;
  if (py::isinstance<py::str>(value)) {
    std::string v = value.cast<std::string>();
    for (auto& [n, e] : choices)
      if (v == n) return e;
  }
  for (auto& [n, e] : choices) accepted += (accepted.empty() ? "" : ", ") + std::string("'") + n + "'";
  bad_option(name, repr_of(value), "one of " + accepted);
}

bool get_bool(const std::string& name, const py::handle& v) {
  if (!py::isinstance<py::bool_>(v)) bad_option(name, repr_of(v), "True or False");
  return v.cast<bool>();
}
long get_int(const std::string& name, const py::handle& v) {
  if (py::isinstance<py::bool_>(v) || !py::isinstance<py::int_>(v)) bad_option(name, repr_of(v), "an int");
  return v.cast<long>();
}
double get_float(const std::string& name, const py::handle& v) {
  if (py::isinstance<py::bool_>(v) || !(py::isinstance<py::float_>(v) || py::isinstance<py::int_>(v)))
    bad_option(name, repr_of(v), "a number");
  return v.cast<double>();
}

[[noreturn]] void unknown_option(const std::string& what, const std::string& name, const std::vector<std::string>& known) {
  std::string list;
  for (auto& k : known) list += (list.empty() ? "" : ", ") + k;
  throw py::value_error("kurdi: unknown " + what + " option '" + name + "'; known options: " + list);
}

Utf8Policy get_utf8(const py::handle& v) {
  return pick<Utf8Policy>("utf8", v, {{"replace", Utf8Policy::kReplace}, {"strict", Utf8Policy::kStrict}});
}

// ---------------------------------------------------------------------------------------------
// Options from keyword arguments.

NormalizeOptions normalize_options(const std::string& profile, const py::dict& kw) {
  Profile p = pick<Profile>("profile", py::str(profile),
                            {{"standard", Profile::kStandard}, {"search", Profile::kSearch}, {"minimal", Profile::kMinimal}});
  NormalizeOptions o = NormalizeOptions::for_profile(p);
  static const std::vector<std::pair<const char*, bool NormalizeOptions::*>> bools = {
      {"presentation_forms", &NormalizeOptions::presentation_forms}, {"fullwidth", &NormalizeOptions::fullwidth},
      {"spaces", &NormalizeOptions::spaces}, {"dashes_quotes", &NormalizeOptions::dashes_quotes},
      {"format_controls", &NormalizeOptions::format_controls}, {"tatweel", &NormalizeOptions::tatweel},
      {"harakat", &NormalizeOptions::harakat}, {"compose", &NormalizeOptions::compose},
      {"letters", &NormalizeOptions::letters}, {"heh_zwnj", &NormalizeOptions::heh_zwnj},
      {"final_heh", &NormalizeOptions::final_heh}, {"initial_r", &NormalizeOptions::initial_r},
      {"initial_waw", &NormalizeOptions::initial_waw}, {"convention_repair", &NormalizeOptions::convention_repair}};
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    bool done = false;
    for (auto& [n, f] : bools)
      if (key == n) { o.*f = get_bool(key, item.second); done = true; }
    if (done) continue;
    if (key == "digits")
      o.digits = pick<DigitPolicy>(key, item.second, {{"keep", DigitPolicy::kKeep}, {"latin", DigitPolicy::kLatin},
                                                      {"arabic", DigitPolicy::kArabicIndic}, {"persian", DigitPolicy::kExtendedArabicIndic}});
    else if (key == "punctuation")
      o.punctuation = pick<PunctPolicy>(key, item.second, {{"keep", PunctPolicy::kKeep}, {"arabic", PunctPolicy::kToArabic},
                                                           {"latin", PunctPolicy::kToLatin}});
    else if (key == "zwnj")
      o.zwnj = pick<ZwnjPolicy>(key, item.second, {{"smart", ZwnjPolicy::kSmart}, {"keep", ZwnjPolicy::kKeep}, {"drop", ZwnjPolicy::kDrop}});
    else if (key == "heh")
      o.heh = pick<HehPolicy>(key, item.second, {{"heh", HehPolicy::kHeh}, {"doachashmee", HehPolicy::kHehDoachashmee}, {"keep", HehPolicy::kKeep}});
    else if (key == "utf8")
      o.utf8 = get_utf8(item.second);
    else {
      std::vector<std::string> known;
      for (auto& [n, f] : bools) known.push_back(n);
      for (const char* k : {"digits", "punctuation", "zwnj", "heh", "utf8"}) known.push_back(k);
      unknown_option("normalize", key, known);
    }
  }
  return o;
}

py::dict normalize_options_dict(const NormalizeOptions& o) {
  py::dict d;
  d["presentation_forms"] = o.presentation_forms; d["fullwidth"] = o.fullwidth; d["spaces"] = o.spaces;
  d["dashes_quotes"] = o.dashes_quotes; d["format_controls"] = o.format_controls; d["tatweel"] = o.tatweel;
  d["harakat"] = o.harakat; d["compose"] = o.compose; d["letters"] = o.letters; d["heh_zwnj"] = o.heh_zwnj;
  d["final_heh"] = o.final_heh; d["initial_r"] = o.initial_r; d["initial_waw"] = o.initial_waw;
  d["convention_repair"] = o.convention_repair;
  const char* digits[] = {"keep", "latin", "arabic", "persian"};
  const char* punct[] = {"keep", "arabic", "latin"};
  const char* zwnj[] = {"smart", "keep", "drop"};
  const char* heh[] = {"heh", "doachashmee", "keep"};
  d["digits"] = digits[static_cast<int>(o.digits)];
  d["punctuation"] = punct[static_cast<int>(o.punctuation)];
  d["zwnj"] = zwnj[static_cast<int>(o.zwnj)];
  d["heh"] = heh[static_cast<int>(o.heh)];
  d["utf8"] = o.utf8 == Utf8Policy::kStrict ? "strict" : "replace";
  return d;
}

TokenizeOptions tokenize_options(const py::dict& kw) {
  TokenizeOptions o;
  py::dict norm;
  std::string profile = "standard";
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    if (key == "split_clitics") o.split_clitics = get_bool(key, item.second);
    else if (key == "multiword") o.multiword = get_bool(key, item.second);
    else if (key == "dates") o.dates = get_bool(key, item.second);
    else if (key == "urls") o.urls = get_bool(key, item.second);
    else if (key == "profile") profile = item.second.cast<std::string>();
    else if (key == "normalize") {
      if (!py::isinstance<py::dict>(item.second)) bad_option(key, repr_of(item.second), "a dict of normalize options");
      norm = item.second.cast<py::dict>();
    } else unknown_option("tokenize", key, {"split_clitics", "multiword", "dates", "urls", "profile", "normalize"});
  }
  o.normalize = normalize_options(profile, norm);
  return o;
}

// A tokenizer; with split_clitics it cuts words with the analyzer-backed segmenter that `kurdi
// tokenize --split-clitics` uses (built once, never destroyed: tokenizers may outlive the module's
// statics at interpreter exit).
std::shared_ptr<Tokenizer> make_tokenizer(const TokenizeOptions& o) {
  if (!o.split_clitics) return std::make_shared<Tokenizer>(o);
  static const AnalyzerSegmenter* segmenter = new AnalyzerSegmenter();
  return std::make_shared<Tokenizer>(o, segmenter);
}

SentenceOptions sentence_options(const py::dict& kw) {
  SentenceOptions o;
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    if (key == "quotes") o.quotes = get_bool(key, item.second);
    else if (key == "ellipsis_ends") o.ellipsis_ends = get_bool(key, item.second);
    else if (key == "list_items") o.list_items = get_bool(key, item.second);
    else unknown_option("sentences", key, {"quotes", "ellipsis_ends", "list_items"});
  }
  return o;
}

MorphOptions morph_options(const py::dict& kw) {
  MorphOptions o;
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    if (key == "normalize") o.normalize = get_bool(key, item.second);
    else if (key == "guess") o.guess = get_bool(key, item.second);
    else if (key == "colloquial") o.colloquial = get_bool(key, item.second);
    else if (key == "max_analyses") {
      long v = get_int(key, item.second);
      if (v < 0) bad_option(key, repr_of(item.second), "an int >= 0");
      o.max_analyses = static_cast<size_t>(v);
    } else if (key == "max_word_bytes") {
      long v = get_int(key, item.second);
      if (v < 1) bad_option(key, repr_of(item.second), "an int >= 1");
      o.max_word_bytes = static_cast<size_t>(v);
    } else unknown_option("morph", key, {"normalize", "guess", "colloquial", "max_analyses", "max_word_bytes"});
  }
  return o;
}

TranslitOptions translit_options(const py::dict& kw) {
  TranslitOptions o;
  static const std::vector<std::pair<const char*, bool TranslitOptions::*>> bools = {
      {"capitalize", &TranslitOptions::capitalize}, {"initial_heavy_r", &TranslitOptions::initial_heavy_r},
      {"glottal_apostrophe", &TranslitOptions::glottal_apostrophe}, {"normalize_input", &TranslitOptions::normalize_input},
      {"arabic_digits", &TranslitOptions::arabic_digits}, {"arabic_punctuation", &TranslitOptions::arabic_punctuation},
      {"ipa", &TranslitOptions::ipa}, {"syllables", &TranslitOptions::syllables}};
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    bool done = false;
    for (auto& [n, f] : bools)
      if (key == n) { o.*f = get_bool(key, item.second); done = true; }
    if (!done) {
      std::vector<std::string> known;
      for (auto& [n, f] : bools) known.push_back(n);
      unknown_option("translit", key, known);
    }
  }
  return o;
}

NumberOptions number_options(const py::dict& kw) {
  NumberOptions o;
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    const py::handle& v = item.second;
    if (key == "hundreds") o.hundreds = pick<NumberOptions::Hundreds>(key, v, {{"apart", NumberOptions::Hundreds::kApart}, {"joined", NumberOptions::Hundreds::kJoined}});
    else if (key == "scale") o.scale = pick<NumberOptions::Scale>(key, v, {{"short", NumberOptions::Scale::kShort}, {"long", NumberOptions::Scale::kLong}});
    else if (key == "decimals") o.decimals = pick<NumberOptions::Decimals>(key, v, {{"number", NumberOptions::Decimals::kNumber}, {"digits", NumberOptions::Decimals::kDigits}});
    else if (key == "percent") o.percent = pick<NumberOptions::Percent>(key, v, {{"le_seda", NumberOptions::Percent::kLeSeda}, {"le_sed", NumberOptions::Percent::kLeSed}});
    else if (key == "digits") o.digits = pick<NumberOptions::Digits>(key, v, {{"latin", NumberOptions::Digits::kLatin}, {"arabic", NumberOptions::Digits::kArabicIndic}, {"persian", NumberOptions::Digits::kExtended}});
    else if (key == "yek_hezar") o.yek_hezar = get_bool(key, v);
    else if (key == "yek_sed") o.yek_sed = get_bool(key, v);
    else if (key == "half_as_niw") o.half_as_niw = get_bool(key, v);
    else if (key == "decimal_word") o.decimal_word = v.cast<std::string>();
    else if (key == "negative_word") o.negative_word = v.cast<std::string>();
    else unknown_option("numbers", key, {"hundreds", "scale", "decimals", "percent", "digits", "yek_hezar", "yek_sed",
                                         "half_as_niw", "decimal_word", "negative_word"});
  }
  return o;
}

VerbalizeOptions verbalize_options(const py::dict& kw) {
  VerbalizeOptions o;
  py::dict numbers;
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    const py::handle& v = item.second;
    if (key == "months") o.months = pick<VerbalizeOptions::Months>(key, v, {{"auto", VerbalizeOptions::Months::kAuto}, {"iraqi", VerbalizeOptions::Months::kIraqi}, {"solar", VerbalizeOptions::Months::kSolar}});
    else if (key == "dmy") o.dmy = get_bool(key, v);
    else if (key == "dates") o.dates = get_bool(key, v);
    else if (key == "times") o.times = get_bool(key, v);
    else if (key == "phones") o.phones = get_bool(key, v);
    else if (key == "units") o.units = get_bool(key, v);
    else if (key == "abbreviations") o.abbreviations = get_bool(key, v);
    else if (key == "acronyms") o.acronyms = get_bool(key, v);
    else if (key == "emoji") o.emoji = get_bool(key, v);
    else numbers[item.first] = v;  // number options (hundreds=..., scale=...) pass through
  }
  o.numbers = number_options(numbers);
  return o;
}

DetectOptions detect_options(const py::dict& kw) {
  DetectOptions o;
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    const py::handle& v = item.second;
    if (key == "short_text_letters") o.short_text_letters = static_cast<int>(get_int(key, v));
    else if (key == "short_text_words") o.short_text_words = static_cast<int>(get_int(key, v));
    else if (key == "short_text_bias") o.short_text_bias = get_float(key, v);
    else if (key == "known_words") o.known_words = static_cast<int>(get_int(key, v));
    else if (key == "latin_ckb_letters") o.latin_ckb_letters = get_bool(key, v);
    else if (key == "foreign_word_ratio") o.foreign_word_ratio = get_float(key, v);
    else if (key == "english_ratio") o.english_ratio = get_float(key, v);
    else if (key == "stop_margin") o.stop_margin = get_float(key, v);
    else if (key == "min_features") o.min_features = static_cast<int>(get_int(key, v));
    else unknown_option("detect", key, {"short_text_letters", "short_text_words", "short_text_bias", "known_words", "latin_ckb_letters",
                                        "foreign_word_ratio", "english_ratio", "stop_margin", "min_features"});
  }
  return o;
}

DecodeOptions decode_options(const py::dict& kw) {
  DecodeOptions o;
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    if (key == "min_words") o.min_words = static_cast<int>(get_int(key, item.second));
    else if (key == "utf8") o.utf8 = get_utf8(item.second);
    else unknown_option("decode", key, {"min_words", "utf8"});
  }
  return o;
}

Font get_font(const std::string& name) {
  if (name == "auto") return Font::kNone;
  auto f = parse_font(name);
  if (!f) bad_option("font", "'" + name + "'", "'auto', 'none', 'alik', 'aliweb', 'dylan' or 'zarnegar'");
  return *f;
}

#ifdef KURDI_HAVE_SPELL
SpellOptions spell_options(const py::dict& kw) {
  SpellOptions o;
  for (auto item : kw) {
    std::string key = item.first.cast<std::string>();
    const py::handle& v = item.second;
    if (key == "min_count") o.min_count = get_int(key, v);
    else if (key == "suggest_min_count") o.suggest_min_count = get_int(key, v);
    else if (key == "use_morphology") o.use_morphology = get_bool(key, v);
    else if (key == "max_cost") o.max_cost = get_float(key, v);
    else if (key == "error_weight") o.error_weight = get_float(key, v);
    else if (key == "dominance_ratio") o.dominance_ratio = get_float(key, v);
    else if (key == "dominance_max_count") o.dominance_max_count = get_int(key, v);
    else if (key == "dominance_trusted_count") o.dominance_trusted_count = get_int(key, v);
    else if (key == "splits") o.splits = get_bool(key, v);
    else if (key == "text_max_cost") o.text_max_cost = get_float(key, v);
    else if (key == "text_min_count") o.text_min_count = get_int(key, v);
    else if (key == "text_affixes") o.text_affixes = get_bool(key, v);
    else if (key == "text_affix_base_count") o.text_affix_base_count = get_int(key, v);
    else if (key == "singleton_dominance_ratio") o.singleton_dominance_ratio = get_float(key, v);
    else if (key == "singleton_dominance_cost") o.singleton_dominance_cost = get_float(key, v);
    else if (key == "transposition_min_letters") o.transposition_min_letters = static_cast<size_t>(std::max(0L, get_int(key, v)));
    else if (key == "compounds") o.compounds = get_bool(key, v);
    else if (key == "compound_first_count") o.compound_first_count = get_int(key, v);
    else if (key == "compound_second_count") o.compound_second_count = get_int(key, v);
    else if (key == "compound_min_letters") o.compound_min_letters = static_cast<size_t>(std::max(0L, get_int(key, v)));
    else if (key == "mark_dominance_ratio") o.mark_dominance_ratio = get_float(key, v);
    else if (key == "unseen_dominance_count") o.unseen_dominance_count = get_int(key, v);
    else unknown_option("spell", key, {"min_count", "suggest_min_count", "use_morphology", "max_cost", "error_weight",
                                       "dominance_ratio", "dominance_max_count", "dominance_trusted_count", "splits", "text_max_cost",
                                       "text_min_count", "text_affixes", "text_affix_base_count",
                                       "singleton_dominance_ratio", "singleton_dominance_cost",
                                       "transposition_min_letters", "compounds", "compound_first_count",
                                       "compound_second_count", "compound_min_letters", "mark_dominance_ratio",
                                       "unseen_dominance_count"});
  }
  return o;
}
#endif

// ---------------------------------------------------------------------------------------------
// Offsets: byte offsets -> code point offsets (for str input), incrementally over sorted offsets.

struct OffsetConv {
  std::string_view s;
  bool bytes;
  size_t byte = 0, cp = 0;
  size_t operator()(size_t b) {
    if (bytes) return b;
    if (b < byte) { byte = 0; cp = 0; }
    for (; byte < b && byte < s.size(); ++byte)
      if ((static_cast<unsigned char>(s[byte]) & 0xC0) != 0x80) ++cp;
    return cp;
  }
};

// ---------------------------------------------------------------------------------------------
// Tokens

struct PyToken {
  std::string text;
  std::string normalized;       // filled on first access when `tok` is set (lazy)
  std::shared_ptr<const Tokenizer> tok;
  TokenType type;
  size_t start, end;            // code point offsets (str input) or byte offsets (bytes input)
  size_t byte_start, byte_end;  // always UTF-8 byte offsets
  bool clitic, space_after;
  int32_t mwe;
};

// `lazy`: the tokenizer that computes Token.normalized on first access (null: computed now).
std::vector<PyToken> make_tokens(const Tokenizer& tok, std::string_view text, bool bytes, bool normalized,
                                 const std::shared_ptr<const Tokenizer>& lazy = nullptr) {
  std::vector<Token> raw;
  tok.tokenize(text, raw);
  std::vector<PyToken> out;
  out.reserve(raw.size());
  OffsetConv conv{text, bytes};
  for (const Token& t : raw) {
    PyToken p;
    p.text = std::string(t.text(text));
    if (lazy) p.tok = lazy;
    else if (normalized) p.normalized = tok.normalized(p.text);
    p.type = t.type;
    p.byte_start = t.begin;
    p.byte_end = t.end;
    p.start = conv(t.begin);
    p.end = conv(t.end);
    p.clitic = t.clitic;
    p.space_after = t.space_after;
    p.mwe = t.mwe;
    out.push_back(std::move(p));
  }
  return out;
}


// ---------------------------------------------------------------------------------------------
// kurdi.Token: a plain CPython type (not a pybind11 class) so that building a list of tokens costs
// one small allocation per token: tokenizing short sentences into Token objects is dominated by
// object creation.

const char* kTokenTypeNames[] = {"word", "latin_word", "other_word", "number", "punct", "symbol", "url", "email",
                                 "hashtag", "mention", "emoji", "date", "time", "abbreviation", "other"};
constexpr int kTokenTypes = sizeof(kTokenTypeNames) / sizeof(kTokenTypeNames[0]);
PyObject* g_type_names[kTokenTypes];
PyTypeObject* g_token_type = nullptr;

using TokPtr = std::shared_ptr<const Tokenizer>;

struct TokenObject {
  PyObject_HEAD
  PyObject* text;        // str
  PyObject* normalized;  // str, or NULL until first access (computed by `tok`)
  PyObject* type;        // interned str
  Py_ssize_t start, end, byte_start, byte_end, mwe;
  char clitic, space_after, has_tok;
  alignas(TokPtr) unsigned char tok[sizeof(TokPtr)];
};

TokPtr* tok_of(TokenObject* t) { return reinterpret_cast<TokPtr*>(t->tok); }

PyObject* token_new_raw(PyTypeObject* tp) {
  TokenObject* t = reinterpret_cast<TokenObject*>(tp->tp_alloc(tp, 0));
  return reinterpret_cast<PyObject*>(t);
}

void token_dealloc(PyObject* self) {
  TokenObject* t = reinterpret_cast<TokenObject*>(self);
  Py_XDECREF(t->text);
  Py_XDECREF(t->normalized);
  Py_XDECREF(t->type);
  if (t->has_tok) tok_of(t)->~TokPtr();
  PyTypeObject* tp = Py_TYPE(self);
  tp->tp_free(self);
  Py_DECREF(tp);
}

PyObject* token_get_normalized(PyObject* self, void*) {
  TokenObject* t = reinterpret_cast<TokenObject*>(self);
  if (!t->normalized) {
    if (t->has_tok) {
      Py_ssize_t n = 0;
      const char* p = PyUnicode_AsUTF8AndSize(t->text, &n);
      if (!p) return nullptr;
      std::string norm = (*tok_of(t))->normalized(std::string_view(p, static_cast<size_t>(n)));
      t->normalized = PyUnicode_DecodeUTF8(norm.data(), static_cast<Py_ssize_t>(norm.size()), "replace");
      if (!t->normalized) return nullptr;
      tok_of(t)->~TokPtr();
      t->has_tok = 0;
    } else {
      t->normalized = PyUnicode_FromStringAndSize("", 0);
    }
  }
  Py_INCREF(t->normalized);
  return t->normalized;
}

PyObject* token_repr(PyObject* self) {
  TokenObject* t = reinterpret_cast<TokenObject*>(self);
  return PyUnicode_FromFormat("Token(%R, type=%R, start=%zd, end=%zd)", t->text, t->type, t->start, t->end);
}

PyObject* token_str(PyObject* self) {
  TokenObject* t = reinterpret_cast<TokenObject*>(self);
  Py_INCREF(t->text);
  return t->text;
}

PyObject* token_richcompare(PyObject* a, PyObject* b, int op) {
  if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(b, g_token_type)) Py_RETURN_NOTIMPLEMENTED;
  TokenObject* x = reinterpret_cast<TokenObject*>(a);
  TokenObject* y = reinterpret_cast<TokenObject*>(b);
  int eq = x->start == y->start && x->end == y->end && x->byte_start == y->byte_start;
  if (eq) eq = PyUnicode_Compare(x->text, y->text) == 0 && PyUnicode_Compare(x->type, y->type) == 0;
  if (PyErr_Occurred()) return nullptr;
  if (op == Py_NE) eq = !eq;
  return PyBool_FromLong(eq);
}

// Token(text, normalized, type, start, end, byte_start, byte_end, clitic=False, space_after=False, mwe=-1)
PyObject* token_tp_new(PyTypeObject* tp, PyObject* args, PyObject* kwargs) {
  static const char* kw[] = {"text", "normalized", "type", "start", "end", "byte_start", "byte_end",
                             "clitic", "space_after", "mwe", nullptr};
  PyObject *text, *norm, *type;
  Py_ssize_t start, end, bs = -1, be = -1, mwe = -1;
  int clitic = 0, space_after = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "UUUnn|nnppn", const_cast<char**>(kw), &text, &norm, &type, &start,
                                   &end, &bs, &be, &clitic, &space_after, &mwe))
    return nullptr;
  PyObject* o = token_new_raw(tp);
  if (!o) return nullptr;
  TokenObject* t = reinterpret_cast<TokenObject*>(o);
  Py_INCREF(text); t->text = text;
  Py_INCREF(norm); t->normalized = norm;
  Py_INCREF(type); t->type = type;
  t->start = start; t->end = end;
  t->byte_start = bs < 0 ? start : bs;
  t->byte_end = be < 0 ? end : be;
  t->clitic = static_cast<char>(clitic); t->space_after = static_cast<char>(space_after); t->mwe = mwe;
  return o;
}

PyObject* token_reduce(PyObject* self, PyObject*) {
  TokenObject* t = reinterpret_cast<TokenObject*>(self);
  PyObject* norm = token_get_normalized(self, nullptr);
  if (!norm) return nullptr;
  PyObject* r = Py_BuildValue("(O(OOOnnnnOOn))", reinterpret_cast<PyObject*>(Py_TYPE(self)), t->text, norm, t->type,
                              t->start, t->end, t->byte_start, t->byte_end, t->clitic ? Py_True : Py_False,
                              t->space_after ? Py_True : Py_False, t->mwe);
  Py_DECREF(norm);
  return r;
}

PyObject* token_to_dict(PyObject* self, PyObject*) {
  TokenObject* t = reinterpret_cast<TokenObject*>(self);
  PyObject* norm = token_get_normalized(self, nullptr);
  if (!norm) return nullptr;
  PyObject* d = Py_BuildValue("{sOsOsOsnsn}", "text", t->text, "normalized", norm, "type", t->type, "start", t->start,
                              "end", t->end);
  Py_DECREF(norm);
  return d;
}

PyObject* make_token_type() {
  static PyMemberDef members[] = {
      {"text", T_OBJECT_EX, offsetof(TokenObject, text), READONLY, "the token's text (a slice of the input)"},
      {"type", T_OBJECT_EX, offsetof(TokenObject, type), READONLY,
       "word, latin_word, other_word, number, punct, symbol, url, email, hashtag, mention, emoji, date, time, "
       "abbreviation or other"},
      {"start", T_PYSSIZET, offsetof(TokenObject, start), READONLY,
       "start offset into the input (code points for str input, bytes for bytes input)"},
      {"end", T_PYSSIZET, offsetof(TokenObject, end), READONLY, "end offset (exclusive), same unit as start"},
      {"byte_start", T_PYSSIZET, offsetof(TokenObject, byte_start), READONLY, "start, in UTF-8 bytes"},
      {"byte_end", T_PYSSIZET, offsetof(TokenObject, byte_end), READONLY, "end, in UTF-8 bytes"},
      {"mwe", T_PYSSIZET, offsetof(TokenObject, mwe), READONLY, "index of a multiword expression, -1 for none"},
      {"clitic", T_BOOL, offsetof(TokenObject, clitic), READONLY,
       "True for a non-initial piece of a word cut by split_clitics"},
      {"space_after", T_BOOL, offsetof(TokenObject, space_after), READONLY, "white space follows the token"},
      {nullptr, 0, 0, 0, nullptr}};
  static PyGetSetDef getset[] = {
      {"normalized", token_get_normalized, nullptr, "normalized form of the text (computed on first access)", nullptr},
      {nullptr, nullptr, nullptr, nullptr, nullptr}};
  static PyMethodDef methods[] = {
      {"to_dict", token_to_dict, METH_NOARGS, "to_dict() -> dict(text, normalized, type, start, end)"},
      {"__reduce__", token_reduce, METH_NOARGS, "pickle support"},
      {nullptr, nullptr, 0, nullptr}};
  static const char* doc =
      "A token of the input: text, normalized form, type and offsets.\n\n"
      "start/end index the input given to tokenize(): code points for str input (so\n"
      "text[t.start:t.end] == t.text), bytes for bytes input. byte_start/byte_end are always UTF-8\n"
      "byte offsets. type is one of: word, latin_word, other_word, number, punct, symbol, url, email,\n"
      "hashtag, mention, emoji, date, time, abbreviation, other. normalized is the token's text\n"
      "normalized with the tokenizer's profile.";
  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void*>(token_dealloc)},
      {Py_tp_repr, reinterpret_cast<void*>(token_repr)},
      {Py_tp_str, reinterpret_cast<void*>(token_str)},
      {Py_tp_richcompare, reinterpret_cast<void*>(token_richcompare)},
      {Py_tp_new, reinterpret_cast<void*>(token_tp_new)},
      {Py_tp_members, members},
      {Py_tp_getset, getset},
      {Py_tp_methods, methods},
      {Py_tp_doc, const_cast<char*>(doc)},
      {0, nullptr}};
  static PyType_Spec spec = {"kurdi.Token", static_cast<int>(sizeof(TokenObject)), 0, Py_TPFLAGS_DEFAULT, slots};
  for (int i = 0; i < kTokenTypes; ++i) g_type_names[i] = PyUnicode_InternFromString(kTokenTypeNames[i]);
  PyObject* tp = PyType_FromSpec(&spec);
  if (!tp) throw py::error_already_set();
  g_token_type = reinterpret_cast<PyTypeObject*>(tp);
  return tp;
}

py::object token_to_py(PyToken&& p) {
  PyObject* o = token_new_raw(g_token_type);
  if (!o) throw py::error_already_set();
  TokenObject* t = reinterpret_cast<TokenObject*>(o);
  py::object guard = py::reinterpret_steal<py::object>(o);
  t->text = PyUnicode_DecodeUTF8(p.text.data(), static_cast<Py_ssize_t>(p.text.size()), "replace");
  if (!t->text) throw py::error_already_set();
  if (p.tok) {
    new (t->tok) TokPtr(std::move(p.tok));
    t->has_tok = 1;
  } else {
    t->normalized = PyUnicode_DecodeUTF8(p.normalized.data(), static_cast<Py_ssize_t>(p.normalized.size()), "replace");
    if (!t->normalized) throw py::error_already_set();
  }
  t->type = g_type_names[static_cast<int>(p.type)];
  Py_INCREF(t->type);
  t->start = static_cast<Py_ssize_t>(p.start);
  t->end = static_cast<Py_ssize_t>(p.end);
  t->byte_start = static_cast<Py_ssize_t>(p.byte_start);
  t->byte_end = static_cast<Py_ssize_t>(p.byte_end);
  t->mwe = p.mwe;
  t->clitic = p.clitic;
  t->space_after = p.space_after;
  return guard;
}

// ---------------------------------------------------------------------------------------------
// Pipeline: text stages rewrite the text; one final structured stage may end it.

enum class StageKind {
  kDecode, kNormalize, kLatin, kArabic, kG2p, kWords, kDigits, kVerbalize,  // text -> text
  kTokenize, kTokens, kSentences, kLemmatize, kStem, kDetect, kSpell        // terminal
};

struct Detected {
  std::string label, script;
  double confidence;
};
struct Flag {
  size_t start, end;
  std::string word;
  std::vector<std::string> suggestions;
};
using StageOut = std::variant<std::string, std::vector<std::string>, std::vector<PyToken>, Detected, std::vector<Flag>>;

struct Stage {
  StageKind kind;
  std::string name;
  std::shared_ptr<LegacyDecoder> decoder;
  Font font = Font::kNone;
  bool font_auto = true;
  std::shared_ptr<Normalizer> normalizer;
  std::shared_ptr<Transliterator> translit;
  std::shared_ptr<NumberSpeller> speller;
  std::shared_ptr<Verbalizer> verbalizer;
  std::shared_ptr<Tokenizer> tokenizer;
  std::shared_ptr<SentenceSplitter> splitter;
  std::shared_ptr<Analyzer> analyzer;
  std::shared_ptr<Detector> detector;
#ifdef KURDI_HAVE_SPELL
  std::shared_ptr<SpellChecker> spell;
#endif
};

bool is_terminal(StageKind k) { return k >= StageKind::kTokenize; }

class Pipeline {
 public:
  Pipeline(const py::list& stages, bool strict) : strict_(strict) {
    for (size_t i = 0; i < stages.size(); ++i) {
      py::handle item = stages[i];
      std::string name;
      py::dict kw;
      if (py::isinstance<py::str>(item)) {
        name = item.cast<std::string>();
      } else if (py::isinstance<py::tuple>(item) && py::len(item) == 2 && py::isinstance<py::str>(item.cast<py::tuple>()[0]) &&
                 py::isinstance<py::dict>(item.cast<py::tuple>()[1])) {
        name = item.cast<py::tuple>()[0].cast<std::string>();
        kw = py::dict(item.cast<py::tuple>()[1]);
      } else {
        throw py::value_error("kurdi.Pipeline: a stage is a name or a (name, {options}) tuple, got " + repr_of(item));
      }
      if (!stages_.empty() && is_terminal(stages_.back().kind))
        throw py::value_error("kurdi.Pipeline: stage '" + stages_.back().name + "' produces structured output and must be last");
      stages_.push_back(make_stage(name, kw));
      names_.push_back(name);
    }
  }

  // Runs every stage over one text (GIL released by the caller).
  StageOut run(std::string_view text, bool bytes) const {
    std::string cur;
    std::string tmp;
    bool have = false;  // cur holds the current text (else `text`)
    auto view = [&]() -> std::string_view { return have ? std::string_view(cur) : text; };
    for (const Stage& s : stages_) {
      std::string_view in = view();
      tmp.clear();
      switch (s.kind) {
        case StageKind::kDecode: {
          Font f = s.font_auto ? s.decoder->detect_font(in) : s.font;
          s.decoder->decode(in, f, tmp);
          break;
        }
        case StageKind::kNormalize: s.normalizer->normalize(in, tmp); break;
        case StageKind::kLatin: s.translit->to_latin(in, tmp); break;
        case StageKind::kArabic: s.translit->to_arabic(in, tmp); break;
        case StageKind::kG2p: s.translit->g2p(in, tmp); break;
        case StageKind::kWords: s.speller->text_to_words(in, tmp); break;
        case StageKind::kDigits: s.speller->text_to_digits(in, tmp); break;
        case StageKind::kVerbalize: s.verbalizer->verbalize(in, tmp); break;
        case StageKind::kTokenize: {
          std::vector<Token> toks;
          s.tokenizer->tokenize(in, toks);
          std::vector<std::string> out;
          out.reserve(toks.size());
          for (const Token& t : toks) out.emplace_back(t.text(in));
          return out;
        }
        case StageKind::kTokens:
          return make_tokens(*s.tokenizer, in, bytes && !have, true);
        case StageKind::kSentences: {
          std::vector<std::string> out;
          for (const SentenceSpan& sp : s.splitter->split(in)) out.emplace_back(in.substr(sp.begin, sp.end - sp.begin));
          return out;
        }
        case StageKind::kLemmatize:
        case StageKind::kStem: {
          std::vector<Token> toks;
          s.tokenizer->tokenize(in, toks);
          std::vector<std::string> out;
          out.reserve(toks.size());
          for (const Token& t : toks) {
            std::string_view w = t.text(in);
            if (t.type == TokenType::kWord)
              out.push_back(s.kind == StageKind::kLemmatize ? s.analyzer->lemma(w) : s.analyzer->stem(w));
            else
              out.emplace_back(w);
          }
          return out;
        }
        case StageKind::kDetect: {
          Detection d = s.detector->detect(in);
          return Detected{std::string(d.label), std::string(d.script), d.confidence};
        }
        case StageKind::kSpell: {
          std::vector<Flag> out;
#ifdef KURDI_HAVE_SPELL
          OffsetConv conv{in, bytes && !have};
          for (const SpellFlag& f : s.spell->check_text(in, 5)) {
            Flag g{conv(f.start), conv(f.end), f.word, {}};
            for (const Suggestion& sg : f.suggestions) g.suggestions.push_back(sg.word);
            out.push_back(std::move(g));
          }
#endif
          return out;
        }
      }
      cur.swap(tmp);
      have = true;
    }
    if (!have) return std::string(text);
    return cur;
  }

  bool strict() const { return strict_; }
  const std::vector<std::string>& names() const { return names_; }

 private:
  static Stage make_stage(const std::string& name, const py::dict& kw) {
    Stage s;
    s.name = name;
    if (name == "decode") {
      s.kind = StageKind::kDecode;
      py::dict rest;
      std::string font = "auto";
      for (auto item : kw) {
        if (item.first.cast<std::string>() == "font") font = item.second.cast<std::string>();
        else rest[item.first] = item.second;
      }
      s.font_auto = font == "auto";
      s.font = get_font(font);
      s.decoder = std::make_shared<LegacyDecoder>(decode_options(rest));
    } else if (name == "normalize") {
      s.kind = StageKind::kNormalize;
      py::dict rest;
      std::string profile = "standard";
      for (auto item : kw) {
        if (item.first.cast<std::string>() == "profile") profile = item.second.cast<std::string>();
        else rest[item.first] = item.second;
      }
      s.normalizer = std::make_shared<Normalizer>(normalize_options(profile, rest));
    } else if (name == "latin" || name == "arabic" || name == "g2p") {
      s.kind = name == "latin" ? StageKind::kLatin : name == "arabic" ? StageKind::kArabic : StageKind::kG2p;
      s.translit = std::make_shared<Transliterator>(translit_options(kw));
    } else if (name == "words" || name == "digits") {
      s.kind = name == "words" ? StageKind::kWords : StageKind::kDigits;
      s.speller = std::make_shared<NumberSpeller>(number_options(kw));
    } else if (name == "verbalize") {
      s.kind = StageKind::kVerbalize;
      s.verbalizer = std::make_shared<Verbalizer>(verbalize_options(kw));
    } else if (name == "tokenize" || name == "tokens") {
      s.kind = name == "tokenize" ? StageKind::kTokenize : StageKind::kTokens;
      s.tokenizer = make_tokenizer(tokenize_options(kw));
    } else if (name == "sentences") {
      s.kind = StageKind::kSentences;
      s.splitter = std::make_shared<SentenceSplitter>(sentence_options(kw));
    } else if (name == "lemmatize" || name == "stem") {
      s.kind = name == "lemmatize" ? StageKind::kLemmatize : StageKind::kStem;
      s.tokenizer = std::make_shared<Tokenizer>();
      s.analyzer = std::make_shared<Analyzer>(morph_options(kw));
    } else if (name == "detect") {
      s.kind = StageKind::kDetect;
      s.detector = std::make_shared<Detector>(detect_options(kw));
    } else if (name == "spell") {
#ifdef KURDI_HAVE_SPELL
      s.kind = StageKind::kSpell;
      s.spell = std::make_shared<SpellChecker>(spell_options(kw));
#else
      throw py::value_error("kurdi.Pipeline: the spell stage is not built into this kurdi module");
#endif
    } else {
      throw py::value_error("kurdi.Pipeline: unknown stage '" + name +
                            "'; known stages: decode, normalize, latin, arabic, g2p, words, digits, verbalize, "
                            "tokenize, tokens, sentences, lemmatize, stem, detect, spell");
    }
    return s;
  }

  std::vector<Stage> stages_;
  std::vector<std::string> names_;
  bool strict_;
};

py::object out_to_py(StageOut&& out) {
  struct V {
    py::object operator()(std::string& s) { return to_str(s); }
    py::object operator()(std::vector<std::string>& v) {
      py::list l(v.size());
      for (size_t i = 0; i < v.size(); ++i) l[i] = to_str(v[i]);
      return l;
    }
    py::object operator()(std::vector<PyToken>& v) {
      py::list l(v.size());
      for (size_t i = 0; i < v.size(); ++i) l[i] = token_to_py(std::move(v[i]));
      return l;
    }
    py::object operator()(Detected& d) {
      py::dict r;
      r["label"] = d.label; r["script"] = d.script; r["confidence"] = d.confidence;
      return r;
    }
    py::object operator()(std::vector<Flag>& v) {
      py::list l;
      for (Flag& f : v) {
        py::dict r;
        r["start"] = f.start; r["end"] = f.end; r["word"] = to_str(f.word);
        py::list sg;
        for (auto& s : f.suggestions) sg.append(to_str(s));
        r["suggestions"] = sg;
        l.append(r);
      }
      return l;
    }
  };
  return std::visit(V{}, out);
}


// Runs `fn(i)` for a batch of inputs with the GIL released; inputs converted first.
template <class Out, class Fn>
std::vector<Out> run_batch(const std::vector<Input>& ins, Fn fn) {
  std::vector<Out> outs(ins.size());
  py::gil_scoped_release nogil;
  for (size_t i = 0; i < ins.size(); ++i) outs[i] = fn(ins[i]);
  return outs;
}

std::vector<Input> get_inputs(const py::iterable& texts) {
  std::vector<Input> ins;
  if (py::isinstance<py::str>(texts) || py::isinstance<py::bytes>(texts))
    throw py::type_error("kurdi: expected a list of texts, got a single text (use the single-text method)");
  for (py::handle h : texts) ins.push_back(get_input(h));
  return ins;
}

py::list strs_to_list(std::vector<std::string>& v) {
  py::list l(v.size());
  for (size_t i = 0; i < v.size(); ++i) l[i] = to_str(v[i]);
  return l;
}

}  // namespace

PYBIND11_MODULE(_kurdi, m) {
  m.doc() = "kurdi: C++ engine for Central Kurdish (Sorani) text (compiled core; use the `kurdi` package).";
  m.attr("__version__") = std::string(version_string());
#ifdef KURDI_HAVE_SPELL
  m.attr("HAVE_SPELL") = true;
#else
  m.attr("HAVE_SPELL") = false;
#endif

  // ---- normalize -----------------------------------------------------------------------------
  py::class_<Normalizer, std::shared_ptr<Normalizer>>(m, "Normalizer", R"doc(
Normalizer(profile="standard", **options)

Messy real-world Sorani text -> standard Unicode Sorani, in one linear pass.

profile: "standard" (default), "search" (aggressive folding for matching) or "minimal"
(Unicode-safe fixes only). Keyword options override the profile (see `options`):
presentation_forms, fullwidth, spaces, dashes_quotes, format_controls, tatweel, harakat, compose,
letters, heh_zwnj, final_heh, initial_r, initial_waw, convention_repair (bool);
digits ("keep", "latin", "arabic", "persian"); punctuation ("keep", "arabic", "latin");
zwnj ("smart", "keep", "drop"); heh ("heh", "doachashmee", "keep"); utf8 ("replace", "strict").

Immutable and thread-safe; calls release the GIL. Unknown options raise ValueError.

>>> Normalizer().normalize("بةرهةمةكاني ئةفين")
'بەرهەمەکانی ئەفین'
)doc")
      .def(py::init([](const std::string& profile, py::kwargs kw) {
             NormalizeOptions o = normalize_options(profile, kw);
             py::gil_scoped_release nogil;
             return std::make_shared<Normalizer>(o);
           }),
           py::arg("profile") = "standard")
      .def_property_readonly("options", [](const Normalizer& n) { return normalize_options_dict(n.options()); },
                             "The effective options, as a dict.")
      .def("normalize",
           [](const Normalizer& n, py::handle text) -> py::str {
             Input in = get_input(text);
             check_strict(in, n.options().utf8 == Utf8Policy::kStrict);
             // A per-thread output buffer keeps its capacity between calls: no fresh pages to
             // fault in for every big text (the str built from it is the only new allocation).
             thread_local std::string out;
             out.clear();
             {
               py::gil_scoped_release nogil;
               n.normalize(in.view, out);
             }
             // Text that was already normalized comes back as the same (immutable) str object:
             // no conversion back from UTF-8 at all.
             py::str r = !in.is_bytes && out == in.view ? py::reinterpret_borrow<py::str>(text) : to_str(out);
             if (out.capacity() > (64u << 20)) std::string().swap(out);  // do not hold on to huge buffers
             return r;
           },
           py::arg("text"),
           "normalize(text) -> str\n\nNormalizes one text (str or UTF-8 bytes). Invalid UTF-8 in bytes becomes "
           "U+FFFD, or raises UnicodeDecodeError when the normalizer was built with utf8='strict'.")
      .def("__call__", [](py::object self, py::handle text) { return self.attr("normalize")(text); }, py::arg("text"))
      .def("normalize_batch",
           [](const Normalizer& n, const py::iterable& texts) {
             auto ins = get_inputs(texts);
             for (auto& in : ins) check_strict(in, n.options().utf8 == Utf8Policy::kStrict);
             auto outs = run_batch<std::string>(ins, [&](const Input& in) { return n.normalize(in.view); });
             py::list l(outs.size());
             for (size_t i = 0; i < outs.size(); ++i)
               l[i] = !ins[i].is_bytes && outs[i] == ins[i].view ? ins[i].keep : py::object(to_str(outs[i]));
             return l;
           },
           py::arg("texts"), "normalize_batch(texts) -> list[str]\n\nNormalizes many texts in one call (GIL released once).")
      .def("normalized_prefix",
           [](const Normalizer& n, py::handle text) {
             Input in = get_input(text);
             size_t b;
             {
               py::gil_scoped_release nogil;
               b = n.normalized_prefix(in.view);
             }
             OffsetConv conv{in.view, in.is_bytes};
             return conv(b);
           },
           py::arg("text"), "Length of the longest prefix already normalized (code points for str, bytes for bytes).");

  // ---- tokenize ------------------------------------------------------------------------------
  m.attr("Token") = make_token_type();

  py::class_<Tokenizer, std::shared_ptr<Tokenizer>>(m, "Tokenizer", R"doc(
Tokenizer(**options)

Raw Sorani text -> typed tokens with offsets into the input (one linear pass, no copy).
Options: split_clitics (cut words into morph-level pieces), multiword (tag multiword expressions),
dates, urls (bool); profile ("standard", "search", "minimal") and normalize (a dict of normalize
options) choose the normalized form of tokens.

>>> [t.text for t in Tokenizer().tokenize("سڵاو، چۆنی؟")]
['سڵاو', '،', 'چۆنی', '؟']
)doc")
      .def(py::init([](py::kwargs kw) {
        TokenizeOptions o = tokenize_options(kw);
        py::gil_scoped_release nogil;
        return make_tokenizer(o);
      }))
      .def("tokenize",
           [](std::shared_ptr<Tokenizer> t, py::handle text, bool normalized) {
             Input in = get_input(text);
             std::vector<PyToken> toks;
             {
               py::gil_scoped_release nogil;
               toks = make_tokens(*t, in.view, in.is_bytes, false, normalized ? t : nullptr);
             }
             py::list l(toks.size());
             for (size_t i = 0; i < toks.size(); ++i) l[i] = token_to_py(std::move(toks[i]));
             return l;
           },
           py::arg("text"), py::arg("normalized") = true,
           "tokenize(text, normalized=True) -> list[Token]\n\nTokens of one text. Token.normalized is computed "
           "on first access; normalized=False leaves it empty.")
      .def("words",
           [](const Tokenizer& t, py::handle text) {
             Input in = get_input(text);
             std::vector<std::string> out;
             {
               py::gil_scoped_release nogil;
               std::vector<Token> toks;
               t.tokenize(in.view, toks);
               out.reserve(toks.size());
               for (const Token& k : toks) out.emplace_back(k.text(in.view));
             }
             return strs_to_list(out);
           },
           py::arg("text"), "words(text) -> list[str]\n\nThe token texts only (the fastest form).")
      .def("tokenize_batch",
           [](std::shared_ptr<Tokenizer> t, const py::iterable& texts, bool normalized) {
             auto ins = get_inputs(texts);
             std::shared_ptr<const Tokenizer> lazy = normalized ? t : nullptr;
             auto outs = run_batch<std::vector<PyToken>>(
                 ins, [&](const Input& in) { return make_tokens(*t, in.view, in.is_bytes, false, lazy); });
             py::list l(outs.size());
             for (size_t i = 0; i < outs.size(); ++i) {
               py::list k(outs[i].size());
               for (size_t j = 0; j < outs[i].size(); ++j) k[j] = token_to_py(std::move(outs[i][j]));
               l[i] = k;
             }
             return l;
           },
           py::arg("texts"), py::arg("normalized") = true, "tokenize_batch(texts) -> list[list[Token]]")
      .def("words_batch",
           [](const Tokenizer& t, const py::iterable& texts) {
             auto ins = get_inputs(texts);
             auto outs = run_batch<std::vector<std::string>>(ins, [&](const Input& in) {
               std::vector<Token> toks;
               t.tokenize(in.view, toks);
               std::vector<std::string> w;
               w.reserve(toks.size());
               for (const Token& k : toks) w.emplace_back(k.text(in.view));
               return w;
             });
             py::list l(outs.size());
             for (size_t i = 0; i < outs.size(); ++i) l[i] = strs_to_list(outs[i]);
             return l;
           },
           py::arg("texts"), "words_batch(texts) -> list[list[str]]")
      .def("normalized",
           [](const Tokenizer& t, py::handle text) {
             Input in = get_input(text);
             std::string out;
             {
               py::gil_scoped_release nogil;
               out = t.normalized(in.view);
             }
             return to_str(out);
           },
           py::arg("token_text"), "Normalized form of a token's text.");

  // ---- sentences -----------------------------------------------------------------------------
  py::class_<SentenceSplitter, std::shared_ptr<SentenceSplitter>>(m, "SentenceSplitter", R"doc(
SentenceSplitter(quotes=True, ellipsis_ends=False, list_items=True)

Splits a paragraph into sentences. split() returns the sentence strings; spans() the
(start, end) offsets (code points for str, bytes for bytes), trimmed of white space.
)doc")
      .def(py::init([](py::kwargs kw) {
        SentenceOptions o = sentence_options(kw);
        py::gil_scoped_release nogil;
        return std::make_shared<SentenceSplitter>(o);
      }))
      .def("split",
           [](const SentenceSplitter& s, py::handle text) {
             Input in = get_input(text);
             std::vector<std::string> out;
             {
               py::gil_scoped_release nogil;
               for (const SentenceSpan& sp : s.split(in.view)) out.emplace_back(in.view.substr(sp.begin, sp.end - sp.begin));
             }
             return strs_to_list(out);
           },
           py::arg("text"))
      .def("spans",
           [](const SentenceSplitter& s, py::handle text) {
             Input in = get_input(text);
             std::vector<SentenceSpan> sp;
             {
               py::gil_scoped_release nogil;
               sp = s.split(in.view);
             }
             OffsetConv conv{in.view, in.is_bytes};
             py::list l;
             for (auto& x : sp) {
               size_t a = conv(x.begin);
               l.append(py::make_tuple(a, conv(x.end)));
             }
             return l;
           },
           py::arg("text"));

  // ---- morph ---------------------------------------------------------------------------------
  py::class_<Analyzer, std::shared_ptr<Analyzer>>(m, "Analyzer", R"doc(
Analyzer(normalize=True, guess=True, colloquial=True, max_analyses=16, max_word_bytes=256)

Morphological analysis of Sorani words: analyze() gives analyses (lemma, pos, UniMorph features,
morphs), lemma()/lemmas()/stem() the dictionary form and stem, inflect() the forms of a lemma for
UniMorph tags, known() whether a word is in the lexicon.

>>> Analyzer().lemma("کتێبەکانم")
'کتێب'
)doc")
      .def(py::init([](py::kwargs kw) {
        MorphOptions o = morph_options(kw);
        py::gil_scoped_release nogil;
        return std::make_shared<Analyzer>(o);
      }))
      .def("analyze",
           [](const Analyzer& a, const std::string& word) {
             std::vector<Analysis> r;
             {
               py::gil_scoped_release nogil;
               r = a.analyze(word);
             }
             py::list l;
             for (auto& x : r) {
               py::dict d;
               d["lemma"] = to_str(x.lemma); d["pos"] = x.pos; d["features"] = x.features;
               py::list ms;
               for (auto& mo : x.morphs) {
                 py::dict md;
                 md["form"] = to_str(mo.form); md["tag"] = mo.tag; md["start"] = mo.start; md["end"] = mo.end;
                 ms.append(md);
               }
               d["morphs"] = ms; d["guessed"] = x.guessed; d["induced"] = x.induced; d["score"] = x.score;
               l.append(d);
             }
             return l;
           },
           py::arg("word"), "analyze(word) -> list[dict]: lemma, pos, features, morphs, guessed, induced, score (best first)")
      .def("lemma", [](const Analyzer& a, const std::string& w) { std::string r; { py::gil_scoped_release g; r = a.lemma(w); } return to_str(r); }, py::arg("word"))
      .def("lemmas", [](const Analyzer& a, const std::string& w, size_t n) {
             std::vector<std::string> r; { py::gil_scoped_release g; r = a.lemmas(w, n); } return strs_to_list(r); },
           py::arg("word"), py::arg("n") = 4)
      .def("stem", [](const Analyzer& a, const std::string& w) { std::string r; { py::gil_scoped_release g; r = a.stem(w); } return to_str(r); }, py::arg("word"))
      .def("inflect", [](const Analyzer& a, const std::string& lemma, const std::string& tags) {
             std::vector<std::string> r; { py::gil_scoped_release g; r = a.inflect(lemma, tags); } return strs_to_list(r); },
           py::arg("lemma"), py::arg("tags"), "inflect(lemma, tags) -> list[str], e.g. inflect('کتێب', 'N;DEF;PL')")
      .def("known", [](const Analyzer& a, const std::string& w) { py::gil_scoped_release g; return a.known(w); }, py::arg("word"))
      .def("lemmatize_batch", [](const Analyzer& a, const std::vector<std::string>& words) {
             std::vector<std::string> r(words.size());
             { py::gil_scoped_release g; for (size_t i = 0; i < words.size(); ++i) r[i] = a.lemma(words[i]); }
             return strs_to_list(r); },
           py::arg("words"))
      .def_property_readonly("lexicon_size", &Analyzer::lexicon_size);

  // ---- translit ------------------------------------------------------------------------------
  py::class_<Transliterator, std::shared_ptr<Transliterator>>(m, "Transliterator", R"doc(
Transliterator(**options)

Arabic-script Sorani <-> Kurdish Latin (Hawar), and G2P. Options: capitalize, initial_heavy_r,
glottal_apostrophe, normalize_input, arabic_digits, arabic_punctuation, ipa, syllables (bool).

>>> Transliterator().to_latin("کوردستان و ئێران")
'kurdistan û êran'
)doc")
      .def(py::init([](py::kwargs kw) {
        TranslitOptions o = translit_options(kw);
        py::gil_scoped_release nogil;
        return std::make_shared<Transliterator>(o);
      }))
      .def("to_latin", [](const Transliterator& t, py::handle text) {
             Input in = get_input(text); std::string r; { py::gil_scoped_release g; t.to_latin(in.view, r); } return to_str(r); },
           py::arg("text"))
      .def("to_arabic", [](const Transliterator& t, py::handle text) {
             Input in = get_input(text); std::string r; { py::gil_scoped_release g; t.to_arabic(in.view, r); } return to_str(r); },
           py::arg("text"))
      .def("g2p", [](const Transliterator& t, py::handle text) {
             Input in = get_input(text); std::string r; { py::gil_scoped_release g; t.g2p(in.view, r); } return to_str(r); },
           py::arg("text"))
      .def("g2p_word", [](const Transliterator& t, const std::string& w, bool ipa) {
             std::string r; { py::gil_scoped_release g; r = t.g2p_word(w, ipa); } return to_str(r); },
           py::arg("word"), py::arg("ipa") = false)
      .def("to_latin_batch", [](const Transliterator& t, const py::iterable& texts) {
             auto ins = get_inputs(texts);
             auto outs = run_batch<std::string>(ins, [&](const Input& in) { return t.to_latin(in.view); });
             return strs_to_list(outs); }, py::arg("texts"))
      .def("to_arabic_batch", [](const Transliterator& t, const py::iterable& texts) {
             auto ins = get_inputs(texts);
             auto outs = run_batch<std::string>(ins, [&](const Input& in) { return t.to_arabic(in.view); });
             return strs_to_list(outs); }, py::arg("texts"));

  // ---- numbers -------------------------------------------------------------------------------
  py::class_<NumberSpeller, std::shared_ptr<NumberSpeller>>(m, "NumberSpeller", R"doc(
NumberSpeller(**options)

Numbers <-> Sorani words. Options: hundreds ("apart", "joined"), scale ("short", "long"),
decimals ("number", "digits"), percent ("le_seda", "le_sed"), digits ("latin", "arabic", "persian"),
yek_hezar, yek_sed, half_as_niw (bool), decimal_word, negative_word (str).

>>> NumberSpeller().cardinal(1991)
'هەزار و نۆ سەد و نەوەد و یەک'
)doc")
      .def(py::init([](py::kwargs kw) {
        NumberOptions o = number_options(kw);
        py::gil_scoped_release nogil;
        return std::make_shared<NumberSpeller>(o);
      }))
      .def("cardinal", [](const NumberSpeller& s, py::int_ n) {
             std::string r;
             long long v;
             try { v = n.cast<long long>(); } catch (const py::cast_error&) {
               throw py::value_error("kurdi: number out of range (64-bit integers only)");
             }
             py::gil_scoped_release g;
             s.append_cardinal(static_cast<int64_t>(v), r);
             return r; }, py::arg("n"), "cardinal(n) -> str: the Sorani words of an integer")
      .def("ordinal", [](const NumberSpeller& s, py::int_ n, bool emin) {
             unsigned long long v;
             try { v = n.cast<unsigned long long>(); } catch (const py::cast_error&) {
               throw py::value_error("kurdi: ordinal needs a non-negative 64-bit integer");
             }
             py::gil_scoped_release g;
             return s.ordinal(v, emin); }, py::arg("n"), py::arg("emin") = false,
           "ordinal(n, emin=False) -> str: ordinal words (-ەم; emin=True: -ەمین)")
      .def("number", [](const NumberSpeller& s, const std::string& literal) -> py::object {
             std::optional<std::string> r; { py::gil_scoped_release g; r = s.number(literal); }
             if (!r) return py::none();
             return to_str(*r); }, py::arg("literal"),
           "number(literal) -> str | None: words of a numeric literal ('12.5', '٥٠٪', '-3'); None if not a number")
      .def("parse", [](const NumberSpeller& s, const std::string& words) -> py::object {
             std::optional<uint64_t> r; { py::gil_scoped_release g; r = s.parse_cardinal(words); }
             if (!r) return py::none();
             return py::int_(*r); }, py::arg("words"),
           "parse(words) -> int | None: the value of Sorani number words")
      .def("text_to_words", [](const NumberSpeller& s, py::handle text) {
             Input in = get_input(text); std::string r; { py::gil_scoped_release g; s.text_to_words(in.view, r); } return to_str(r); },
           py::arg("text"), "Rewrites every number in a text as words.")
      .def("text_to_digits", [](const NumberSpeller& s, py::handle text) {
             Input in = get_input(text); std::string r; { py::gil_scoped_release g; s.text_to_digits(in.view, r); } return to_str(r); },
           py::arg("text"), "Rewrites number words in a text as digits.");

  py::class_<Verbalizer, std::shared_ptr<Verbalizer>>(m, "Verbalizer", R"doc(
Verbalizer(**options)

Text -> speakable text for TTS: numbers, dates, times, phone numbers, units, abbreviations,
acronyms (and emoji when emoji=True). Options: months ("auto", "iraqi", "solar"), dmy, dates,
times, phones, units, abbreviations, acronyms, emoji (bool), plus every NumberSpeller option.
)doc")
      .def(py::init([](py::kwargs kw) {
        VerbalizeOptions o = verbalize_options(kw);
        py::gil_scoped_release nogil;
        return std::make_shared<Verbalizer>(o);
      }))
      .def("verbalize", [](const Verbalizer& v, py::handle text) {
             Input in = get_input(text); std::string r; { py::gil_scoped_release g; v.verbalize(in.view, r); } return to_str(r); },
           py::arg("text"));

  // ---- detect --------------------------------------------------------------------------------
  py::class_<Detector, std::shared_ptr<Detector>>(m, "Detector", R"doc(
Detector(**options)

Language identification: detect(text) -> dict(label, script, confidence). Labels: ckb kmr sdh hac
zza fa ar tr en und; scripts: ISO 15924 (Arab, Latn, Zyyy ...).
)doc")
      .def(py::init([](py::kwargs kw) {
        DetectOptions o = detect_options(kw);
        py::gil_scoped_release nogil;
        return std::make_shared<Detector>(o);
      }))
      .def("detect", [](const Detector& d, py::handle text) {
             Input in = get_input(text); Detection r; { py::gil_scoped_release g; r = d.detect(in.view); }
             py::dict out; out["label"] = std::string(r.label); out["script"] = std::string(r.script); out["confidence"] = r.confidence;
             return out; }, py::arg("text"))
      .def("detect_batch", [](const Detector& d, const py::iterable& texts) {
             auto ins = get_inputs(texts);
             auto outs = run_batch<Detection>(ins, [&](const Input& in) { return d.detect(in.view); });
             py::list l;
             for (auto& r : outs) {
               py::dict out; out["label"] = std::string(r.label); out["script"] = std::string(r.script); out["confidence"] = r.confidence;
               l.append(out);
             }
             return l; }, py::arg("texts"))
      .def_property_readonly("model_info", &Detector::model_info);

  // ---- decode --------------------------------------------------------------------------------
  py::class_<LegacyDecoder, std::shared_ptr<LegacyDecoder>>(m, "LegacyDecoder", R"doc(
LegacyDecoder(min_words=2, utf8="replace")

Legacy-font Sorani (Ali-K, Ali-Web, Dylan, Zarnegar: Arabic code points typed for a font that
drew Kurdish letters) -> Unicode Sorani. detect_font() names the font ("none" for Unicode text);
decode(text, font="auto") rewrites it (run a Normalizer after).
)doc")
      .def(py::init([](py::kwargs kw) {
        DecodeOptions o = decode_options(kw);
        py::gil_scoped_release nogil;
        return std::make_shared<LegacyDecoder>(o);
      }))
      .def("detect_font", [](const LegacyDecoder& d, py::handle text) {
             Input in = get_input(text); FontGuess f; { py::gil_scoped_release g; f = d.guess_font(in.view); }
             return py::make_tuple(to_string(f.font), f.confidence); }, py::arg("text"),
           "detect_font(text) -> (font, confidence)")
      .def("decode", [](const LegacyDecoder& d, py::handle text, const std::string& font) {
             Input in = get_input(text);
             check_strict(in, d.options().utf8 == Utf8Policy::kStrict);
             Font f = get_font(font);
             std::string r;
             { py::gil_scoped_release g; if (font == "auto") f = d.detect_font(in.view); d.decode(in.view, f, r); }
             return to_str(r); }, py::arg("text"), py::arg("font") = "auto")
      .def("encode", [](const LegacyDecoder& d, py::handle text, const std::string& font) {
             Input in = get_input(text); Font f = get_font(font); std::string r;
             { py::gil_scoped_release g; r = d.encode(in.view, f); } return to_str(r); },
           py::arg("text"), py::arg("font"));

  // ---- spell ---------------------------------------------------------------------------------
#ifdef KURDI_HAVE_SPELL
  py::class_<SpellChecker, std::shared_ptr<SpellChecker>>(m, "SpellChecker", R"doc(
SpellChecker(**options)

Spell checking for Sorani: check(word) -> bool, suggest(word, n=5) -> list[(word, cost)],
check_text(text) -> list of flagged spans {start, end, word, suggestions}. Options are those of
kurdi::SpellOptions (min_count, max_cost, use_morphology, splits ...).
)doc")
      .def(py::init([](py::kwargs kw) {
        SpellOptions o = spell_options(kw);
        py::gil_scoped_release nogil;
        return std::make_shared<SpellChecker>(o);
      }))
      .def("check", [](const SpellChecker& s, const std::string& w) { py::gil_scoped_release g; return s.check(w); }, py::arg("word"))
      .def("suggest", [](const SpellChecker& s, const std::string& w, size_t n) {
             std::vector<Suggestion> r; { py::gil_scoped_release g; r = s.suggest(w, n); }
             py::list l; for (auto& x : r) l.append(py::make_tuple(to_str(x.word), x.cost)); return l; },
           py::arg("word"), py::arg("n") = 5)
      .def("check_text", [](const SpellChecker& s, py::handle text, size_t n) {
             Input in = get_input(text); std::vector<SpellFlag> r; { py::gil_scoped_release g; r = s.check_text(in.view, n); }
             OffsetConv conv{in.view, in.is_bytes};
             py::list l;
             for (auto& f : r) {
               py::dict d; d["start"] = conv(f.start); d["end"] = conv(f.end); d["word"] = to_str(f.word);
               py::list sg; for (auto& x : f.suggestions) sg.append(to_str(x.word));
               d["suggestions"] = sg; l.append(d);
             }
             return l; }, py::arg("text"), py::arg("n") = 5)
      .def("count", [](const SpellChecker& s, const std::string& w) { return s.count(w); }, py::arg("word"));
#endif

  // ---- pipeline ------------------------------------------------------------------------------
  py::class_<Pipeline, std::shared_ptr<Pipeline>>(m, "Pipeline")
      .def(py::init([](const py::list& stages, bool strict) { return std::make_shared<Pipeline>(stages, strict); }),
           py::arg("stages"), py::arg("strict") = false)
      .def_property_readonly("stages", [](const Pipeline& p) { return p.names(); })
      .def("run",
           [](const Pipeline& p, py::handle text) {
             Input in = get_input(text);
             check_strict(in, p.strict());
             StageOut out;
             {
               py::gil_scoped_release nogil;
               out = p.run(in.view, in.is_bytes);
             }
             return out_to_py(std::move(out));
           },
           py::arg("text"))
      .def("run_batch",
           [](const Pipeline& p, const py::iterable& texts) {
             auto ins = get_inputs(texts);
             for (auto& in : ins) check_strict(in, p.strict());
             auto outs = run_batch<StageOut>(ins, [&](const Input& in) { return p.run(in.view, in.is_bytes); });
             py::list l(outs.size());
             for (size_t i = 0; i < outs.size(); ++i) l[i] = out_to_py(std::move(outs[i]));
             return l;
           },
           py::arg("texts"));

  // ---- utilities -----------------------------------------------------------------------------
  m.def("find_invalid_utf8", [](const py::bytes& b) -> py::object {
    Input in = get_input(b);
    size_t r = utf8::find_invalid(in.view);
    if (r == std::string_view::npos) return py::none();
    return py::int_(r);
  }, py::arg("data"), "Byte offset of the first ill-formed UTF-8 sequence in data, or None.");
  m.def("sanitize_utf8", [](const py::bytes& b) {
    Input in = get_input(b);
    return to_str(utf8::sanitize(in.view));
  }, py::arg("data"), "Decodes UTF-8 bytes, each ill-formed sequence -> U+FFFD (Unicode maximal-subpart rule).");

  // C++-side timing, for python/bench: runs normalize `reps` times over `text` in C++ only and
  // returns the seconds of the fastest run (the library figure the Python overhead is measured against).
  m.def("_bench_normalize_cpp", [](const Normalizer& n, const std::string& text, int reps) {
    py::gil_scoped_release nogil;
    double best = 1e30;
    std::string out;
    for (int r = 0; r < reps; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      out.clear();
      n.normalize(text, out);
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (s < best) best = s;
    }
    return best;
  });
  m.def("_bench_tokenize_cpp", [](const Tokenizer& t, const std::vector<std::string>& texts, int reps) {
    py::gil_scoped_release nogil;
    double best = 1e30;
    std::vector<Token> toks;
    for (int r = 0; r < reps; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      for (const auto& s : texts) { toks.clear(); t.tokenize(s, toks); }
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (s < best) best = s;
    }
    return best;
  });
}
