using System.CommandLine;
using System.CommandLine.Help;

namespace FedSim.Cli.Commands;

/// <summary>
/// The fedsim command line: the single list of commands that the parser, every help page and the README's
/// command list (<see cref="Synopsis"/>) are made from.
/// </summary>
internal static class CliCommands
{
    public const string Name = "fedsim";

    public const string ExitCodes = "exit codes: 0 success, 1 run failed, 2 bad input, 3 dataset missing or unreadable, 130 interrupted";

    /// <summary>Every command, in the order help and the README list them.</summary>
    public static IReadOnlyList<CommandDefinition> Definitions() =>
    [
        RunCommand.Define(),
        CoordinatorCommand.Define(),
        PartyCommand.Define(),
        PartitionCommand.Define(),
        ValidateCommand.Define(),
        CompareCommand.Define(),
        ExportCommand.Define(),
        HealthCommand.Define(),
        ListCommand.Define(),
        SchemaCommand.Define(),
    ];

    /// <summary>A new parser tree (System.CommandLine symbols belong to one parent, so each dispatch builds its own).</summary>
    public static RootCommand Root()
    {
        var definitions = Definitions();
        var root = new RootCommand("fedsim: federated learning simulation") { HelpName = Name };
        // Completion requests name the tool first ("fedsim run --o"); let that word mean the root whatever the host is called.
        if (root.Name != Name) root.Aliases.Add(Name);
        foreach (var d in definitions) root.Subcommands.Add(d.Command);
        var help = root.Options.OfType<HelpOption>().Single();
        var notes = definitions.ToDictionary(d => d.Command, d => d.Notes);
        notes[root] = RootNotes(root);
        help.Action = new NotesHelpAction((HelpAction)help.Action!, notes);
        return root;
    }

    private static string RootNotes(RootCommand root) =>
        $"""
        Synopsis:
        {string.Concat(Synopsis.Render(root).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => $"  {line}\n"))}
        Run 'fedsim COMMAND --help' for a command's arguments, options and notes.
        Shell completion: see "Commands" in README.md (the [suggest] directive).
        """;
}
