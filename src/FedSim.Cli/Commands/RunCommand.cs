using System.CommandLine;
using FedSim.Core.Scenarios;
using Microsoft.Extensions.Logging;

namespace FedSim.Cli.Commands;

/// <summary><c>fedsim run SCENARIO</c>: a whole simulation, coordinator and parties, on this machine.</summary>
internal static class RunCommand
{
    public static CommandDefinition Define()
    {
        var input = new ScenarioInput();
        var outDir = CliSymbols.Out("DIR", "the run folder (default: runs/NAME-YYYYMMDD-HHMMSS)");
        var command = new Command("run", "run a whole simulation: the coordinator and every party on this machine") { input.File, outDir, input.Set };
        command.SetAction((p, ct) =>
        {
            var scenario = input.Load(p);
            var mode = scenario.Deployment.Mode == "processes" ? Simulation.Parties.ChildProcesses : Simulation.Parties.InProcess;
            return Simulate(scenario, p.GetValue(outDir), new Uri("http://127.0.0.1:0"), mode, p.InvocationConfiguration.Output, ct);
        });
        return new CommandDefinition(command, """
            Notes:
              deployment.mode local (the default) runs the coordinator and the parties in this process over gRPC on
              127.0.0.1; processes starts deployment.party_processes party nodes, each hosting a contiguous range of
              party ids. The run folder gets metrics.csv, parties.csv, summary.json, partition.json and plots.
            """);
    }

    /// <summary>Runs <paramref name="scenario"/> into its run folder and prints the summary; shared with <c>fedsim coordinator</c>.</summary>
    public static async Task<int> Simulate(Scenario scenario, string? outDir, Uri listen, Simulation.Parties parties, TextWriter stdout, CancellationToken ct,
        Coordinator.NodeTokens? tokens = null)
    {
        var time = TimeProvider.System;
        var dir = RunFolder.Resolve(outDir, scenario.Name, time);
        RunFolder.Prepare(dir);
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning));
        var observer = new ConsoleObserver(stdout, interactive);
        stdout.WriteLine($"fedsim: {scenario.Name}: {scenario.Federation.Algorithm}, {scenario.Partition.Parties} parties ({scenario.Partition.Strategy}), " +
                         $"{scenario.Model} on {scenario.Dataset.Name}, {scenario.Federation.Rounds} rounds, " +
                         (parties == Simulation.Parties.External ? "coordinator only (party nodes connect to it)" : $"mode {scenario.Deployment.Mode}"));
        var simulation = new Simulation(scenario, dir, observer, logs, time)
        {
            Tokens = tokens,
            Listening = address =>
            {
                if (parties == Simulation.Parties.External) CoordinatorCommand.PrintListening(scenario, listen, address, stdout);
            },
        };
        var summary = await simulation.RunAsync(listen, parties, ct);
        WritePlots(dir, scenario.Name);
        stdout.WriteLine();
        stdout.WriteLine($"run {summary.Status}: {summary.RoundsCompleted}/{summary.RoundsPlanned} rounds");
        if (summary.FinalAccuracy is { } final)
            stdout.WriteLine($"  accuracy    final {Units.Percent(final)}   best {Units.Percent(summary.BestAccuracy ?? 0)} (round {summary.BestRound})");
        stdout.WriteLine($"  traffic     up {Units.Megabytes(summary.TotalBytesUp)}{Compressed(summary.CompressionRatioUp)}   down {Units.Megabytes(summary.TotalBytesDown)}{Compressed(summary.CompressionRatioDown)}");
        stdout.WriteLine($"  wall time   {summary.WallSeconds:F1} s   (party training {summary.TrainSecondsSum:F1} s summed over parties)");
        if (summary.PartyFailures > 0) stdout.WriteLine($"  failures    {summary.PartyFailures} party tasks failed (see metrics.csv, parties.csv)");
        if (summary.Error is not null) stdout.WriteLine($"  error       {summary.Error}");
        stdout.WriteLine($"  run folder  {dir}");
        return summary.Status switch
        {
            "completed" => CliApp.Ok,
            "cancelled" => CliApp.Interrupted,
            _ => CliApp.RunFailed,
        };
    }

    /// <summary>The run folder's figures: accuracy against rounds, cumulative MB and (when the clock ran) simulated seconds.</summary>
    private static void WritePlots(string dir, string name)
    {
        var progress = Compare.RunFolderReader.ReadProgress(Path.Combine(dir, "metrics.csv"));
        if (progress.Count == 0) return;
        foreach (var axis in Plots.ProgressAxis.For([progress]))
            Plots.AccuracyPlot.Write([(name, [new Plots.AccuracyPlot.Series(name, [progress])])], Path.Combine(dir, axis.FileName), axis);
    }

    /// <summary>", 3.94x smaller than fp32" when a codec changed the size; nothing for fp32.</summary>
    private static string Compressed(double? ratio) =>
        ratio is { } r && Math.Abs(r - 1) > 0.005 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({r:F2}x smaller than fp32)") : "";
}
