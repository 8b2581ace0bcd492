#include "kurdi/version.h"

namespace kurdi {
std::string_view version_string() { return "kurdi 0.1.0"; }
}  // namespace kurdi
