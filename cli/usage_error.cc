#include "cli/usage_error.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "runner/input/spelling.h"

namespace settle::cli {
namespace {

bool looks_like_option(const std::string& argument) {
  return argument.size() > 1 && argument[0] == '-';
}

// "--json=x" is the option --json.
std::string option_of(const std::string& argument) {
  return argument.substr(0, argument.find('='));
}

std::string without_dashes(const std::string& option) {
  return option.substr(std::min(option.find_first_not_of('-'), option.size()));
}

// "settle" for the app, "settle run" for a command.
std::string full_name(const CLI::App* command) {
  return command ? "settle " + command->get_name() : "settle";
}

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

std::vector<std::string> positional_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    if (!option->nonpositional()) names.push_back(option->get_name());
  }
  return names;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string lower_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

// The option, spelt with its dashes, that `word` (an option the command does not have) most
// likely misspells.
std::optional<std::string> nearest_option(const std::string& word, const CLI::App& command) {
  std::vector<std::string> names = option_names(command);
  std::vector<std::string> bare;
  for (const std::string& name : names) bare.push_back(without_dashes(name));
  std::optional<std::string> found = closest_spelling(without_dashes(word), bare);
  if (!found) return std::nullopt;
  for (std::size_t i = 0; i < bare.size(); ++i) {
    if (bare[i] == *found) return names[i];
  }
  return std::nullopt;
}

// Another command that has the option exactly (`settle list -e`: -e is run's).
const CLI::App* command_with_option(const CLI::App& app, const std::string& word,
                                    const CLI::App* except) {
  for (const CLI::App* command : commands_of(app)) {
    if (command == except) continue;
    for (const std::string& name : option_names(*command)) {
      if (name == word) return command;
    }
  }
  return nullptr;
}

std::string unknown_option(const CLI::App& app, const CLI::App* command,
                           const std::string& argument) {
  std::string word = option_of(argument);
  std::string text = "unknown option " + in_quotes(word);
  if (auto suggestion = nearest_option(word, command ? *command : app)) {
    return text + "; did you mean " + in_quotes(*suggestion) + "?";
  }
  if (const CLI::App* owner = command_with_option(app, word, command)) {
    return text + " (it is an option of " + full_name(owner) + ")";
  }
  return text;
}

std::string unknown_command(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* command : commands_of(app)) names.push_back(command->get_name());
  if (auto suggestion = closest_spelling(word, names)) {
    return "unknown command " + in_quotes(word) + "; did you mean " + in_quotes(*suggestion) + "?";
  }
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  return "unknown command " + in_quotes(word) + " (the commands: " + list + ")";
}

std::string unexpected_argument(const CLI::App& command, const std::string& word) {
  std::string text = "unexpected argument " + in_quotes(word);
  std::vector<std::string> positionals = positional_names(command);
  if (positionals.empty()) return text + " (" + full_name(&command) + " takes none)";
  std::string takes;
  for (const std::string& name : positionals) takes += " " + upper(name);
  return text + " (it takes" + takes + ")";
}

// The lines for arguments that were left over: unknown commands, unknown options, extra words.
std::vector<std::string> leftover_lines(const CLI::App& app, const CLI::App* command) {
  std::vector<std::string> lines;
  const std::string prefix = full_name(command) + ": ";
  if (!command) {
    for (const std::string& argument : app.remaining()) {
      if (!looks_like_option(argument)) return {prefix + unknown_command(app, argument)};
    }
    for (const std::string& argument : app.remaining()) {
      lines.push_back(prefix + unknown_option(app, nullptr, argument));
    }
    return lines;
  }
  for (const std::string& argument : app.remaining()) {  // before the command's name
    lines.push_back(full_name(nullptr) + ": " + unknown_option(app, nullptr, argument));
  }
  // The words after an unknown option may be its values: they are told only when no option is.
  std::vector<std::string> leftover = command->remaining();
  bool any_option = std::any_of(leftover.begin(), leftover.end(), looks_like_option);
  for (const std::string& argument : leftover) {
    if (looks_like_option(argument)) {
      lines.push_back(prefix + unknown_option(app, command, argument));
    } else if (!any_option) {
      lines.push_back(prefix + unexpected_argument(*command, argument));
    }
  }
  return lines;
}

std::string missing_argument(const CLI::App& command) {
  for (const CLI::Option* option : command.get_options()) {
    if (!option->get_required() || option->count() > 0) continue;
    std::string description = lower_first(option->get_description());
    std::string what = option->nonpositional() ? "option --" + option->get_lnames().front()
                                               : "argument " + upper(option->get_name());
    return "missing " + what + (description.empty() ? "" : " (" + description + ")");
  }
  return "";
}

}  // namespace

std::string usage_error_text(const CLI::App& app, const CLI::ParseError& error) {
  std::vector<CLI::App*> parsed = app.get_subcommands();
  const CLI::App* command = parsed.empty() ? nullptr : parsed.front();
  const std::string prefix = full_name(command) + ": ";
  std::vector<std::string> lines = leftover_lines(app, command);
  if (lines.empty() && dynamic_cast<const CLI::RequiredError*>(&error)) {
    if (!command) {
      std::string list;
      for (const CLI::App* each : commands_of(app))
        list += (list.empty() ? "" : ", ") + each->get_name();
      lines.push_back(prefix + "a command is required: " + list);
    } else if (std::string missing = missing_argument(*command); !missing.empty()) {
      lines.push_back(prefix + missing);
    }
  }
  if (lines.empty() && dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    std::string what = error.what();  // CLI11: "--json: 1 required TEXT missing"
    lines.push_back(prefix + "option " + what.substr(0, what.find(':')) + " needs a value");
  }
  if (lines.empty()) lines.push_back(prefix + error.what());
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text + "Run \"" + full_name(command) + " --help\" for usage.\n";
}

}  // namespace settle::cli
