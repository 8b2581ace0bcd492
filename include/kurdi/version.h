#pragma once
#include <string_view>

namespace kurdi {
// "kurdi 0.1.0"
std::string_view version_string();
}  // namespace kurdi
