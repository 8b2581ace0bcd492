// kurdi normalize: messy Sorani -> standard Unicode Sorani, line-preserving.
// kurdi-stages: normalize
#include "cli.h"
#include "kurdi/normalize.h"

namespace kurdi::cli {
namespace {

struct Flags {
  std::string profile = "standard";
};
Flags flags;

int run(Common& common) {
  auto profile = parse_profile(flags.profile);
  if (!profile) { error(profile.error().message); return kExitUsage; }
  Normalizer normalizer(NormalizeOptions::for_profile(*profile));
  return process_lines(common, [&](std::string_view line, bool, std::string& out) {
    normalizer.normalize(line, out);
  });
}

Registrar reg({"normalize", "normalize Sorani text (letters, ە/ه, ڕ, ZWNJ, digits ...), line by line",
               "echo 'بةرهةمةكاني ئةفين ئاسؤ' | kurdi normalize   # -> بەرهەمەکانی ئەڤین ئاسۆ",
               [](CLI::App& app, Common&) {
                 app.add_option("--profile", flags.profile, "standard (default), search or minimal");
               },
               run});

}  // namespace
}  // namespace kurdi::cli
