// Internals shared by the search stage's files.
#pragma once
#include <string>
#include <string_view>

namespace kurdi {

// Category mask of an already search-normalized word (0: not a stop word).
unsigned stopword_category_normalized(std::string_view normalized);

namespace search_internal {

// Stored document data: fields as varint-length-prefixed strings.
struct StoredDoc {
  std::string id, title, text, date, url;
};
std::string pack(const StoredDoc& d);
bool unpack(std::string_view data, StoredDoc& d);

// Metadata keys of a kurdi index.
inline constexpr const char* kMetaStemmer = "kurdi.stemmer";
inline constexpr const char* kMetaStop = "kurdi.stop";
inline constexpr const char* kMetaExact = "kurdi.exact";
inline constexpr const char* kMetaVersion = "kurdi.version";
inline constexpr const char* kMetaSpelling = "kurdi.spelling";  // "0": indexed with spelling = false
// Index format (the value of kMetaVersion). 1: XE term for every word. 2: XE only for body words whose
// exact form differs from their plain term, plus "XN" + term when all its occurrences are such words;
// no Xapian spelling data (suggestions come from the index's terms).
inline constexpr const char* kIndexFormat = "2";

inline constexpr unsigned kSlotDate = 1;
inline constexpr unsigned kTitleGap = 100;  // positions between title and body

}  // namespace search_internal
}  // namespace kurdi

#include <xapian.h>
#include "kurdi/result.h"
namespace kurdi::search_internal {
// A Xapian exception as a kurdi::Error with a clear message (kCorrupt, kNotFound, kIo ...).
Error xapian_error(const Xapian::Error& e, const std::string& where);
}  // namespace kurdi::search_internal
