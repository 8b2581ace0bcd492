// kurdi: command-line front end. Each subcommand lives in its own cmd_<name>.cc and registers itself.
#include <iostream>

#include "cli.h"
#include "kurdi/version.h"

int main(int argc, char** argv) {
  using namespace kurdi::cli;
  CLI::App app{"kurdi: Central Kurdish (Sorani) text engine"};
  app.set_version_flag("--version", std::string(kurdi::version_string()));
  app.require_subcommand(1);
  app.fallthrough(false);
  auto& commands = registry();
  std::vector<Common> commons(commands.size());
  std::vector<CLI::App*> subs;
  for (size_t i = 0; i < commands.size(); ++i) {
    auto& c = commands[i];
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    if (!c.example.empty()) sub->footer("Example:\n  " + c.example);
    sub->add_flag("--strict", commons[i].strict, "reject invalid UTF-8 (exit 1) instead of replacing it with U+FFFD");
    c.setup(*sub, commons[i]);
    // Input files, unless the subcommand takes positional arguments of its own (inflect LEMMA TAGS).
    bool own_positionals = false;
    for (const CLI::Option* o : sub->get_options()) own_positionals = own_positionals || o->get_positional();
    if (!own_positionals) sub->add_option("files", commons[i].files, "input files (default: standard input)");
    subs.push_back(sub);
  }
  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    for (const auto& c : commands) known = known || c.name == argv[1];
    if (!known) {
      std::cerr << "kurdi: unknown subcommand '" << argv[1] << "'. Subcommands:";
      for (const auto& c : commands) std::cerr << " " << c.name;
      std::cerr << "\nRun 'kurdi --help' for details.\n";
      return kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "kurdi: " << e.what() << "\n";
    std::cerr << "Run 'kurdi --help' for the list of subcommands, 'kurdi SUBCOMMAND --help' for options.\n";
    return kExitUsage;
  }
  for (size_t i = 0; i < commands.size(); ++i) {
    if (subs[i]->parsed()) {
      try {
        return commands[i].run(commons[i]);
      } catch (const std::exception& e) {
        error(e.what());
        return kExitUsage;
      }
    }
  }
  return kExitUsage;
}
