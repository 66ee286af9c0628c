using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace FedSim.Cli.Commands;

/// <summary>
/// How a command line that does not parse is reported: one <c>fedsim: ...</c> line per problem, System.CommandLine's
/// typo suggestion for an unknown command or option, and where to find the command's help; all on stderr, exit 2.
/// </summary>
internal static class UsageErrors
{
    public static int Report(RootCommand root, ParseResult parse, TextWriter stderr)
    {
        var (messages, unknown) = Describe(parse);
        foreach (var message in messages) stderr.WriteLine($"{CliCommands.Name}: {message}");
        var path = CommandPath(parse.CommandResult);
        foreach (var token in unknown)
        {
            var suggestions = Suggestions(root, parse.CommandResult.Command, path, token);
            if (suggestions.Count > 0) stderr.WriteLine($"did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?");
        }
        WriteHelpHint(parse.CommandResult, stderr);
        return CliApp.BadInput;
    }

    public static void WriteHelpHint(CommandResult command, TextWriter stderr) =>
        stderr.WriteLine($"run '{string.Join(' ', [CliCommands.Name, .. CommandPath(command)])} --help' for usage");

    /// <summary>The messages, and the unmatched tokens that meant a command or an option (those get suggestions).</summary>
    private static (List<string> Messages, List<string> Unknown) Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens;
        var messages = new List<string>();
        var unknown = unmatched.Where(IsOption).ToList();
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            // A group (the root, export): only what stands where the subcommand should is worth a word.
            var (noun, plural) = command is RootCommand ? ("command", "commands") : ($"{command.Name} kind", "kinds");
            var names = $"{plural}: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
            if (unmatched.Count > 0 && !IsOption(unmatched[0]))
            {
                messages.Add($"unknown {noun} '{unmatched[0]}' ({names})");
                unknown = [unmatched[0]];
            }
            else
            {
                messages.AddRange(unknown.Select(t => $"unknown option '{t}'"));
                messages.Add($"missing {noun} ({names})");
            }
        }
        else
        {
            messages.AddRange(unmatched.Select(t => IsOption(t) ? $"unknown option '{t}'" : $"unexpected argument '{t}'"));
        }
        // Errors on a command are the unmatched tokens and a missing subcommand, said above in fedsim's words.
        var errors = parse.Errors.Where(e => e.SymbolResult is not CommandResult).ToList();
        messages.AddRange(errors.Select(Message));
        // An unknown option where a file belongs was taken for the file (CliSymbols.FileArgument): suggest for it too.
        unknown.AddRange(errors.Select(e => e.SymbolResult).OfType<ArgumentResult>()
            .SelectMany(r => r.Tokens).Select(t => t.Value).Where(IsOption));
        return (messages, unknown);
    }

    private static string Message(ParseError error) => error.SymbolResult switch
    {
        OptionResult { IdentifierToken: null, Option: { Required: true } option } => $"{option.Name} {option.HelpName} is required",
        OptionResult { IdentifierToken: not null, Tokens.Count: 0 } given when given.Option.Arity.MinimumNumberOfValues > 0 => $"option '{given.Option.Name}' needs a value",
        ArgumentResult { Parent: CommandResult, Tokens.Count: 0 } missing => $"missing {missing.Argument.Name}",
        _ => error.Message,
    };

    /// <summary>
    /// What System.CommandLine suggests for <paramref name="token"/> given alone to the same command (after a stand-in
    /// for each argument, which would take the token otherwise), of the same kind (option or command).
    /// </summary>
    private static List<string> Suggestions(RootCommand root, Command command, IReadOnlyList<string> path, string token)
    {
        var standIns = command.Arguments.Where(a => a.Arity.MaximumNumberOfValues > 0).Select(_ => "_");
        var probe = root.Parse([.. path, .. standIns, token]);
        if (probe.Action is not ParseErrorAction action) return [];
        action.ShowHelp = false;
        var output = new StringWriter();
        probe.Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        // Its text: "'TOKEN' was not matched. Did you mean one of the following?", then one suggestion a line.
        // Not --help, which is within its distance of many short words and which every error names anyway.
        var help = root.Options.OfType<HelpOption>().SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet();
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Where(s => IsOption(s) == IsOption(token) && !help.Contains(s)).ToList();
    }

    private static List<string> CommandPath(CommandResult command)
    {
        var words = new List<string>();
        for (var c = command; c.Parent is CommandResult parent; c = parent) words.Insert(0, c.Command.Name);
        return words;
    }

    private static bool IsOption(string token) => CliSymbols.LooksLikeOption(token);
}
