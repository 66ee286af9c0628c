using System.CommandLine;
using FedSim.Cli.Compare;
using FedSim.Core.Scenarios;
using FedSim.Core.Sweeps;

namespace FedSim.Cli.Commands;

/// <summary><c>fedsim compare SWEEP</c>: validates every cell of a sweep, then runs the grid.</summary>
internal static class CompareCommand
{
    public static CommandDefinition Define()
    {
        var sweep = CliSymbols.FileArgument("SWEEP", "the sweep file (YAML): a base scenario and axes");
        var outDir = CliSymbols.Out("DIR", "the sweep's folder (default: runs/compare-NAME)");
        var jobs = CliSymbols.Integer("--jobs", "N", 1, "how many cells run at once, at most one per core (default: the sweep's jobs, else 1)");
        var set = CliSymbols.Set();
        var command = new Command("compare", "run every cell of a sweep as its own run, then tabulate and plot the results") { sweep, outDir, jobs, set };
        command.SetAction((p, ct) => RunAsync(p.GetRequiredValue(sweep), p.GetValue(outDir), p.GetValue(jobs), p.GetValue(set) ?? [],
            p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, ct));
        return new CommandDefinition(command, """
            Notes:
              A sweep is a base scenario times axes (algorithm, partition, seed, any scenario key). Every cell is
              validated before anything runs; cells run as child 'fedsim run' processes. The folder gets results.csv,
              results.md (partitions x algorithms, mean +- std over seeds) and accuracy.png; reruns skip finished cells.
            """);
    }

    private static async Task<int> RunAsync(string path, string? outArg, int? jobsArg, IReadOnlyList<string> sets, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new ScenarioException([new ScenarioError(path, null, "(file)", "no such file")]);
        var sweep = SweepParser.Parse(ScenarioFile.Schema, File.ReadAllText(path), path);
        var basePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, sweep.BasePath);
        if (!File.Exists(basePath))
            throw new ScenarioException([new ScenarioError(path, sweep.BaseLine, "base", $"no such file: {basePath}")]);
        var baseSource = Path.GetRelativePath(Directory.GetCurrentDirectory(), basePath);
        var plan = SweepValidator.Validate(ScenarioFile.Schema, sweep, File.ReadAllText(basePath), baseSource, sets);
        ScenarioFile.Report(plan.Notices, stderr);
        var cells = plan.Cells;

        var wanted = jobsArg ?? sweep.Jobs ?? 1;
        var jobs = Math.Min(wanted, Environment.ProcessorCount);
        var outDir = Path.GetFullPath(outArg ?? Path.Combine("runs", "compare-" + sweep.Name));
        var runner = new SweepRunner(sweep, cells, outDir, jobs, stdout);
        stdout.WriteLine($"fedsim compare: {sweep.Name}: {cells.Count} cells ({string.Join(" x ", sweep.Axes.Select(x => $"{x.Values.Count} {x.Key}"))}), " +
                         $"{jobs} at a time{(jobs < wanted ? $" (not {wanted}: {Environment.ProcessorCount} cores)" : "")}, " +
                         $"{runner.CoresPerRun} core(s) each; output {outDir}");
        return await runner.RunAsync(ct);
    }
}
