using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.Text;

namespace FedSim.Cli.Commands;

/// <summary>
/// One usage line per runnable command (<c>fedsim run SCENARIO [--out DIR] [--set key.path=value ...]</c>), made
/// from the definitions: the root help page ends with it and README.md's "## Commands" block is it.
/// </summary>
internal static class Synopsis
{
    public const int Width = 100;

    public static string Render(Command root)
    {
        var sb = new StringBuilder();
        foreach (var (path, command) in Runnable(root, CliCommands.Name)) Line(sb, path, Words(command));
        return sb.ToString();
    }

    /// <summary>Every command with an action, with its words from the root (export's kinds each count).</summary>
    public static IEnumerable<(string Path, Command Command)> Runnable(Command command, string path)
    {
        if (command.Action is not null) yield return (path, command);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            foreach (var leaf in Runnable(sub, $"{path} {sub.Name}"))
                yield return leaf;
    }

    private static IEnumerable<string> Words(Command command) =>
        command.Arguments.Where(a => !a.Hidden).Select(ArgumentWord)
            .Concat(command.Options.Where(o => !o.Hidden && o is not HelpOption).Select(OptionWord));

    private static string ArgumentWord(Argument argument)
    {
        var values = argument.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        var label = argument.HelpName ?? (values.Count > 0 ? string.Join('|', values) : argument.Name);
        if (argument.Arity.MaximumNumberOfValues > 1) label += " ...";
        return argument.Arity.MinimumNumberOfValues == 0 ? $"[{label}]" : label;
    }

    private static string OptionWord(Option option)
    {
        var text = option.Arity.MaximumNumberOfValues == 0 ? option.Name : $"{option.Name} {option.HelpName ?? "VALUE"}";
        if (option.Arity.MaximumNumberOfValues > 1) text += " ...";
        return option.Required ? text : $"[{text}]";
    }

    /// <summary>The words after the path, wrapped at <see cref="Width"/> under the first of them.</summary>
    private static void Line(StringBuilder sb, string path, IEnumerable<string> words)
    {
        var line = new StringBuilder(path);
        var hanging = new string(' ', path.Length + 1);
        foreach (var word in words)
        {
            if (line.Length + 1 + word.Length > Width && line.Length > hanging.Length)
            {
                sb.Append(line).Append('\n');
                line.Clear().Append(hanging).Append(word);
                continue;
            }
            line.Append(' ').Append(word);
        }
        sb.Append(line).Append('\n');
    }
}
