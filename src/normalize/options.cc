#include "kurdi/normalize.h"

namespace kurdi {

NormalizeOptions NormalizeOptions::standard() { return NormalizeOptions{}; }

NormalizeOptions NormalizeOptions::search() {
  NormalizeOptions o;
  o.zwnj = ZwnjPolicy::kDrop;
  o.digits = DigitPolicy::kLatin;
  o.dashes_quotes = true;
  return o;
}

NormalizeOptions NormalizeOptions::minimal() {
  NormalizeOptions o;
  o.harakat = false;
  o.letters = false;
  o.heh_zwnj = false;
  o.final_heh = false;
  o.initial_r = false;
  o.initial_waw = false;
  o.zwnj = ZwnjPolicy::kKeep;
  o.convention_repair = false;
  o.heh = HehPolicy::kKeep;
  return o;
}

NormalizeOptions NormalizeOptions::for_profile(Profile p) {
  switch (p) {
    case Profile::kSearch: return search();
    case Profile::kMinimal: return minimal();
    case Profile::kStandard: break;
  }
  return standard();
}

Result<Profile> parse_profile(std::string_view name) {
  if (name == "standard") return Profile::kStandard;
  if (name == "search") return Profile::kSearch;
  if (name == "minimal") return Profile::kMinimal;
  return Error{ErrorCode::kBadOption, "unknown profile '" + std::string(name) + "' (standard, search, minimal)"};
}

}  // namespace kurdi
