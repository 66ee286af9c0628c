using System.CommandLine;
using FedSim.Core.Scenarios;

namespace FedSim.Cli.Commands;

/// <summary>The SCENARIO argument and the repeatable <c>--set</c> of a command that reads a scenario, and the reading.</summary>
internal sealed class ScenarioInput
{
    public Argument<string> File { get; } = CliSymbols.Scenario();

    public Option<string[]> Set { get; } = CliSymbols.Set();

    public string Path(ParseResult p) => p.GetRequiredValue(File);

    /// <summary>The scenario with its overrides; notices (deprecated keys) go to the command's stderr.</summary>
    public Scenario Load(ParseResult p) => ScenarioFile.Load(Path(p), p.GetValue(Set) ?? [], p.InvocationConfiguration.Error);
}
