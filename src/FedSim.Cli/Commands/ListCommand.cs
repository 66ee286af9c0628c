using System.CommandLine;
using System.CommandLine.Completions;
using FedSim.Core.Components;

namespace FedSim.Cli.Commands;

/// <summary><c>fedsim list [KIND]</c>: every registered component of a kind (or of all kinds) with its options.</summary>
internal static class ListCommand
{
    public static CommandDefinition Define()
    {
        var kinds = ComponentKinds.All.Select(ComponentKinds.Plural).ToArray();
        var kind = new Argument<string>("KIND")
        {
            Description = "which components to list (default: every kind)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        // In the registries' order, not alphabetically: help, the synopsis and completion list them so.
        kind.CompletionSources.Add(_ => kinds.Select((k, i) => new CompletionItem(k, sortText: $"{i:D2}")));
        CliSymbols.RejectOptions(kind);
        kind.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && !CliSymbols.LooksLikeOption(token.Value) && ComponentKinds.Parse(token.Value) is null)
                r.AddError($"unknown kind '{token.Value}' (kinds: {string.Join(", ", kinds)})");
        });
        var command = new Command("list", $"list the {string.Join(", ", kinds[..^1])} and {kinds[^1]} a scenario can choose") { kind };
        command.SetAction(p =>
        {
            var chosen = p.GetValue(kind) is { } text ? ComponentKinds.Parse(text) : null;
            p.InvocationConfiguration.Output.Write(CatalogListing.Render(ScenarioFile.Schema, chosen));
            return CliApp.Ok;
        });
        return new CommandDefinition(command, """
            Notes:
              Each component is shown with its summary, its reference and its options: the scenario key, the default,
              the allowed values and what it does.
            """);
    }
}
