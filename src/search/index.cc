// Indexer: documents -> Xapian documents (own tokens via add_posting), shards, stored data.
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "kurdi/search.h"
#include "kurdi/text.h"
#include "search/analysis.h"
#include "search/internal.h"

namespace kurdi {
namespace search_internal {

namespace {
void put_varint(std::string& out, size_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}
bool get_varint(std::string_view in, size_t& pos, size_t& v) {
  v = 0;
  for (int shift = 0; shift < 63; shift += 7) {
    if (pos >= in.size()) return false;
    unsigned char c = static_cast<unsigned char>(in[pos++]);
    v |= static_cast<size_t>(c & 0x7F) << shift;
    if (!(c & 0x80)) return true;
  }
  return false;
}
}  // namespace

std::string pack(const StoredDoc& d) {
  std::string out;
  out.reserve(d.text.size() + d.title.size() + d.id.size() + 32);
  for (const std::string* f : {&d.id, &d.title, &d.text, &d.date, &d.url}) {
    put_varint(out, f->size());
    out += *f;
  }
  return out;
}

bool unpack(std::string_view data, StoredDoc& d) {
  size_t pos = 0;
  for (std::string* f : {&d.id, &d.title, &d.text, &d.date, &d.url}) {
    size_t n = 0;
    if (!get_varint(data, pos, n) || n > data.size() - pos) return false;
    f->assign(data.substr(pos, n));
    pos += n;
  }
  return true;
}

Error xapian_error(const Xapian::Error& e, const std::string& where) {
  std::string type = e.get_type();
  ErrorCode code = ErrorCode::kIo;
  std::string hint;
  if (type == "DatabaseCorruptError" || type == "DatabaseFormatError" || type == "DatabaseVersionError") {
    code = ErrorCode::kCorrupt;
    hint = " (the database is damaged or not a Xapian database: re-index it)";
  } else if (type == "DatabaseNotFoundError") {
    code = ErrorCode::kNotFound;
  } else if (type == "DatabaseOpeningError") {
    code = ErrorCode::kCorrupt;
    hint = " (not a usable Xapian database)";
  } else if (type == "DatabaseLockError") {
    hint = " (another process is writing to it)";
  } else if (type == "NetworkError" || type == "NetworkTimeoutError") {
    hint = " (remote database unreachable)";
  } else if (type == "QueryParserError") {
    code = ErrorCode::kBadOption;
  }
  return Error{code, where + ": " + type + ": " + e.get_msg() + hint};
}

}  // namespace search_internal

using namespace search_internal;

namespace {

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool may_be_legacy(std::string_view text) {
  // Letters a Unicode Sorani text almost never has and the legacy fonts use for Kurdish letters:
  // ة (U+0629) ث ذ ض ط ظ (U+062B U+0630 U+0636 U+0637 U+0638).
  size_t n = std::min<size_t>(text.size(), 8192);
  for (size_t i = 0; i + 1 < n; ++i) {
    unsigned char a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
    if (a == 0xD8 && (b == 0xA9 || b == 0xAB || b == 0xB0 || b == 0xB6 || b == 0xB7 || b == 0xB8)) return true;
  }
  return false;
}

// Latin letters outnumber Arabic-script letters (in the first 8 KiB).
bool mostly_latin(std::string_view text) {
  size_t n = std::min<size_t>(text.size(), 8192), latin = 0, arabic = 0;
  for (size_t i = 0; i < n;) {
    int len = 1;
    char32_t c = utf8::decode(text.data(), n, i, len);
    if (chars::is_latin_letter(c)) ++latin;
    else if (chars::is_arabic_letter(c)) ++arabic;
    i += static_cast<size_t>(len);
  }
  return latin > 8 && latin > arabic;
}

std::string first_paragraph(std::string_view text) {
  size_t n = std::min<size_t>(text.size(), 4096);
  std::string_view p = text.substr(0, n);
  return std::string(p);
}

}  // namespace

struct Indexer::Impl {
  std::string dir;
  SearchOptions options;
  SearchAnalyzer analyzer;
  std::vector<Xapian::WritableDatabase> shards;
  IndexStats stats;
  explicit Impl(const SearchOptions& o) : options(o), analyzer(o) {}

  // Body plain terms of the current document seen with an exact form other than themselves, and how
  // many times. When every occurrence of such a term is one of these, the document gets "XN" + term:
  // exact:WORD is then XE+WORD OR (WORD AND_NOT XN+WORD) (Searcher), which matches exactly the
  // documents that have a word whose exact form is WORD.
  std::vector<std::pair<std::string, Xapian::termcount>> differs;
  void note_differs(const std::string& term) {
    for (auto& [t, n] : differs)
      if (t == term) {
        ++n;
        return;
      }
    differs.emplace_back(term, 1);
  }
  void add_exact_markers(Xapian::Document& doc) {
    if (differs.empty()) return;
    std::sort(differs.begin(), differs.end());
    std::vector<std::string> markers;
    Xapian::TermIterator it = doc.termlist_begin();
    for (const auto& [t, n] : differs) {
      it.skip_to(t);
      if (it != doc.termlist_end() && *it == t && it.get_wdf() <= n) markers.push_back("XN" + t);
    }
    for (const std::string& t : markers) doc.add_boolean_term(t);
    differs.clear();
  }

  void index_words(Xapian::Document& doc, std::string_view text, Xapian::termpos& pos, const char* prefix) {
    std::string buf;
    for_each_word(analyzer, text, [&](const WordEntry& e, uint32_t, uint32_t) {
      ++pos;
      if (prefix) {
        buf.assign(prefix);
        buf += e.term;
        doc.add_posting(buf, pos);
        if (!e.stem.empty()) {
          buf.assign("Z");
          buf += prefix;
          buf += e.stem;
          doc.add_term(buf);
        }
      }
      doc.add_posting(e.term, pos);
      if (!e.stem.empty()) {
        buf.assign("Z");
        buf += e.stem;
        doc.add_term(buf);
      }
      // exact:WORD is a boolean filter (no positions, no wdf). A body word whose exact form is its
      // plain term (99.6% of them) gets no XE term: the searcher takes the plain term for it (see
      // kMetaFormat). Title words always get one (their plain terms are S-prefixed).
      if (!e.exact.empty() && (prefix || e.exact_differs)) {
        buf.assign("XE");
        buf += e.exact;
        doc.add_boolean_term(buf);
        if (!prefix) note_differs(e.term);
      }
    });
  }
};

Indexer::Indexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

Result<Indexer> Indexer::open(const std::string& dir, const SearchOptions& options, size_t shards) {
  namespace fs = std::filesystem;
  auto impl = std::make_unique<Impl>(options);
  impl->dir = dir;
  std::error_code ec;
  fs::path root(dir);
  fs::path stub = root / "XAPIANDB";
  bool exists = fs::exists(root, ec);
  if (exists && !fs::is_directory(root, ec))
    return Error{ErrorCode::kBadOption, dir + ": exists and is not a directory"};
  std::vector<std::string> paths;
  if (fs::exists(stub, ec)) {
    std::ifstream in(stub);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      std::string kind, rel;
      if (!(ls >> kind >> rel) || kind[0] == '#') continue;
      if (kind != "auto" && kind != "glass")
        return Error{ErrorCode::kUnsupported, stub.string() + ": only local shards can be written (" + kind + ")"};
      paths.push_back((root / rel).string());
    }
    if (paths.empty()) return Error{ErrorCode::kCorrupt, stub.string() + ": stub file lists no shard"};
  } else if (exists && fs::exists(root / "iamglass", ec)) {
    paths.push_back(dir);
  } else {
    if (exists && !fs::is_empty(root, ec))
      return Error{ErrorCode::kCorrupt, dir + ": not empty and not a Xapian database (no iamglass or XAPIANDB)"};
    size_t n = shards == 0 ? 1 : shards;
    fs::create_directories(root, ec);
    if (ec) return Error{ErrorCode::kIo, dir + ": " + ec.message()};
    if (n == 1) {
      paths.push_back(dir);
    } else {
      std::ofstream out(stub);
      for (size_t i = 0; i < n; ++i) {
        out << "auto shard" << i << "\n";
        paths.push_back((root / ("shard" + std::to_string(i))).string());
      }
      if (!out) return Error{ErrorCode::kIo, stub.string() + ": cannot write"};
    }
  }
  if (shards != 0 && shards != paths.size())
    return Error{ErrorCode::kBadOption, dir + ": has " + std::to_string(paths.size()) + " shard(s), not " +
                                            std::to_string(shards)};
  try {
    for (const std::string& p : paths) impl->shards.emplace_back(p, Xapian::DB_CREATE_OR_OPEN);
    Xapian::WritableDatabase& first = impl->shards.front();
    std::string stem = first.get_metadata(kMetaStemmer);
    std::string want_stem = to_string(options.stemmer);
    std::string want_stop = std::to_string(options.stop_categories);
    std::string want_exact = options.exact_terms ? "1" : "0";
    if (stem.empty()) {
      for (auto& db : impl->shards) {
        db.set_metadata(kMetaStemmer, want_stem);
        db.set_metadata(kMetaStop, want_stop);
        db.set_metadata(kMetaExact, want_exact);
        db.set_metadata(kMetaVersion, kIndexFormat);
        db.set_metadata(kMetaSpelling, options.spelling ? "1" : "0");
      }
    } else if (first.get_metadata(kMetaVersion) != kIndexFormat) {
      return Error{ErrorCode::kUnsupported, dir + ": index format " + first.get_metadata(kMetaVersion) +
                                                " (an older kurdi); this version writes format " + kIndexFormat +
                                                ": index into a new directory"};
    } else if (stem != want_stem || first.get_metadata(kMetaStop) != want_stop ||
               first.get_metadata(kMetaExact) != want_exact) {
      return Error{ErrorCode::kBadOption,
                   dir + ": the index was built with stemmer=" + stem + " stop=" + first.get_metadata(kMetaStop) +
                       " exact=" + first.get_metadata(kMetaExact) + "; use the same options or a new directory"};
    }
  } catch (const Xapian::Error& e) {
    return xapian_error(e, dir);
  }
  return Indexer(std::move(impl));
}

Xapian::Document Indexer::make_document(const SearchDocument& d) {
  Impl& m = *impl_;
  const Shared& sh = shared();
  StoredDoc st{d.id, d.title, d.text, d.date, d.url};
  if (m.options.decode_legacy && (may_be_legacy(d.text) || may_be_legacy(d.title))) {
    Font f = sh.decoder.detect_font(first_paragraph(d.text.empty() ? d.title : d.text));
    if (f != Font::kNone) {
      st.text = sh.decoder.decode(d.text, f);
      st.title = sh.decoder.decode(d.title, f);
      ++m.stats.legacy_decoded;
    }
  }
  Xapian::Document doc;
  m.differs.clear();
  doc.add_boolean_term("Q" + d.id);
  Xapian::termpos pos = 0;
  if (!st.title.empty()) {
    m.index_words(doc, st.title, pos, "S");
    pos += kTitleGap;
  }
  m.index_words(doc, st.text, pos, nullptr);
  if (m.options.cross_script && mostly_latin(st.text)) {
    Detection det = sh.detector.detect(st.text.substr(0, 4096));
    if (det.label == "ckb" || det.label == "kmr") {
      pos += kTitleGap;
      std::string ar = sh.translit.to_arabic(st.text);
      m.index_words(doc, ar, pos, nullptr);
      ++m.stats.transliterated;
    }
  }
  m.add_exact_markers(doc);
  if (!d.date.empty()) doc.add_value(kSlotDate, d.date);
  doc.set_data(pack(st));
  m.stats.bytes += d.text.size() + d.title.size();
  return doc;
}

Status Indexer::add(const SearchDocument& d) {
  if (d.id.empty()) return Error{ErrorCode::kBadOption, "a document needs a non-empty id"};
  if (d.id.size() > 200) return Error{ErrorCode::kBadOption, "document id longer than 200 bytes"};
  Impl& m = *impl_;
  Xapian::Document doc = make_document(d);
  size_t k = m.shards.size() == 1 ? 0 : fnv1a(d.id) % m.shards.size();
  try {
    Xapian::WritableDatabase& db = m.shards[k];
    db.replace_document("Q" + d.id, doc);
  } catch (const Xapian::Error& e) {
    return xapian_error(e, m.dir);
  }
  ++m.stats.documents;
  return {};
}

Status Indexer::remove(std::string_view id) {
  Impl& m = *impl_;
  size_t k = m.shards.size() == 1 ? 0 : fnv1a(id) % m.shards.size();
  try {
    m.shards[k].delete_document("Q" + std::string(id));
  } catch (const Xapian::Error& e) {
    return xapian_error(e, m.dir);
  }
  return {};
}

Status Indexer::commit() {
  try {
    for (auto& db : impl_->shards) db.commit();
  } catch (const Xapian::Error& e) {
    return xapian_error(e, impl_->dir);
  }
  return {};
}

size_t Indexer::shards() const { return impl_->shards.size(); }
size_t Indexer::doc_count() const {
  size_t n = 0;
  for (const auto& db : impl_->shards) n += db.get_doccount();
  return n;
}
const IndexStats& Indexer::stats() const { return impl_->stats; }

}  // namespace kurdi
