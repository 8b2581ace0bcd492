// kurdi::SentenceSplitter: a paragraph of Sorani text -> sentence spans (byte offsets into the input).
//
// One pass over the bytes: only the few bytes that can end a sentence (. ? ! ؟ … ۔) or change the
// quotation depth (" « » “ ” ( ) [ ]) are looked at closely. A sentence ends after a terminator (or a
// run of them: "؟!", "...") and any closing quotes/brackets that follow it, when white space and a
// new sentence follow. It does not end
//   - after an abbreviation or an initial (د. کەمال, پ.ز, Dr., J.; data/tokenize/abbreviations.tsv,
//     shared with the tokenizer),
//   - inside a number, a date, a URL, an e-mail address (no white space follows the dot),
//   - after the number of a list item at the start of the paragraph ("1. ", "٢. "),
//   - after an ellipsis that is followed by more of the sentence (SentenceOptions::ellipsis_ends),
//   - inside a quotation or brackets that are closed later in the same paragraph (quoted speech of
//     several sentences is part of the sentence that quotes it).
// Sentences are trimmed of surrounding white space; the text between them is white space only, so
// no non-space character is ever lost or changed.
//
//   kurdi::SentenceSplitter s;
//   for (auto span : s.split("سڵاو. د. کەمال هات؟ بەڵێ!")) ...  // 3 sentences
//
// A SentenceSplitter is immutable after construction and safe to share between threads; it never
// throws and never fails on input (invalid UTF-8 is just bytes that end no sentence).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace kurdi {

struct SentenceSpan {
  uint32_t begin = 0;  // byte offsets into the input, [begin, end), trimmed of white space
  uint32_t end = 0;
};

// Every option of the splitter, with its default.
struct SentenceOptions {
  bool quotes = true;          // do not split inside a quotation/brackets closed later in the paragraph
  bool ellipsis_ends = false;  // "..." / "…" followed by more text ends a sentence
  bool list_items = true;      // "1. " / "٢. " at the start of a paragraph is not a sentence
};

class SentenceSplitter {
 public:
  SentenceSplitter();  // default options
  explicit SentenceSplitter(const SentenceOptions& options);
  ~SentenceSplitter();
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

  const SentenceOptions& options() const;

  // Appends the sentences of one paragraph (offsets relative to text.data(), plus `base`).
  void split(std::string_view paragraph, std::vector<SentenceSpan>& out, size_t base = 0) const;
  std::vector<SentenceSpan> split(std::string_view paragraph) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kurdi
