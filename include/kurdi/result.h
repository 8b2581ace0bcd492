// kurdi: one error style for the whole library.
//
// Construction, loading and configuration return Result<T>: a value, or an Error with a code, a
// message and a location (byte offset, or file:line for tables). Hot-path calls (normalize a string,
// tokenize a line ...) never fail: invalid UTF-8 becomes U+FFFD.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace kurdi {

enum class ErrorCode {
  kInvalidUtf8 = 1,  // input rejected under the strict policy
  kBadOption,        // an option value the stage does not know
  kIo,               // a file could not be read or written
  kNotFound,         // a named thing (database, model, table) does not exist
  kCorrupt,          // a file or model exists but is not what it should be
  kUnsupported,      // a request the build or the data cannot serve
  kInternal,
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::size_t offset = static_cast<std::size_t>(-1);  // byte offset into the input, when it applies

  std::string to_string() const;
};

// A value or an Error. Deliberately small: ok(), value(), error(), operator*, operator->.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace kurdi
