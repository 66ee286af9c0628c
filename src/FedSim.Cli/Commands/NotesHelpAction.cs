using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace FedSim.Cli.Commands;

/// <summary>System.CommandLine's help page, then the helped command's notes (or its parent's) and the exit codes.</summary>
internal sealed class NotesHelpAction(HelpAction help, IReadOnlyDictionary<Command, string> notes) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exit = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        for (var command = parseResult.CommandResult.Command; command is not null; command = command.Parents.OfType<Command>().FirstOrDefault())
        {
            if (!notes.TryGetValue(command, out var text)) continue;
            output.WriteLine(text.TrimEnd());
            output.WriteLine();
            break;
        }
        output.WriteLine(CliCommands.ExitCodes);
        return exit;
    }
}
