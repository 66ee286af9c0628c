using System.CommandLine;
using FedSim.Coordinator;
using FedSim.Core.Partitioning;
using FedSim.Data;

namespace FedSim.Cli.Commands;

/// <summary><c>fedsim partition SCENARIO</c>: the party x class table, <c>partition.json</c> and its heat-map.</summary>
internal static class PartitionCommand
{
    public static CommandDefinition Define()
    {
        var input = new ScenarioInput();
        var outFile = CliSymbols.Out("FILE", "where to write the partition (default: partition.json); the heat-map goes beside it as .png");
        var command = new Command("partition", "print the party x class table and write partition.json and a heat-map") { input.File, outFile, input.Set };
        command.SetAction(p => Write(input.Load(p), Path.GetFullPath(p.GetValue(outFile) ?? "partition.json"), p.InvocationConfiguration.Output));
        return new CommandDefinition(command, """
            Notes:
              The heat-map has one row per party, up to 200 parties; with more, parties are sorted by main class and
              each row shows the mean class shares of a block of parties.
            """);
    }

    private static int Write(Core.Scenarios.Scenario scenario, string outFile, TextWriter stdout)
    {
        var data = DatasetCatalog.Load(scenario.Dataset, scenario.Seed);
        var report = PartitionPlanner.Plan(scenario, data.Train.Labels, data.Train.Classes, data.Train.Groups);
        stdout.Write(PartitionTable.Render(report));
        AtomicFile.WriteAllBytes(outFile, PartitionJson.Serialize(report));
        var heatmap = Path.ChangeExtension(outFile, ".png");
        Plots.PartitionHeatmap.Write(report, heatmap);
        stdout.WriteLine($"wrote {outFile}");
        stdout.WriteLine($"wrote {heatmap} (party x class heat-map)");
        return CliApp.Ok;
    }
}
