using FedSim.Core.Scenarios;
using FedSim.Core.Sweeps;

namespace FedSim.Cli.Compare;

/// <summary><c>fedsim compare SWEEP.yaml [--out DIR] [--jobs N] [--set key=value ...]</c>: validates every cell, then runs the grid.</summary>
internal static class CompareCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, CancellationToken ct)
    {
        var a = ParsedArgs.Parse(args, new HashSet<string> { "--out", "--jobs", "--set" }, new HashSet<string>());
        var path = a.Single("SWEEP file");
        if (!File.Exists(path)) throw new ScenarioException([new ScenarioError(path, null, "(file)", "no such file")]);
        var sweep = SweepParser.Parse(ScenarioFile.Schema, File.ReadAllText(path), path);
        var basePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, sweep.BasePath);
        if (!File.Exists(basePath))
            throw new ScenarioException([new ScenarioError(path, sweep.BaseLine, "base", $"no such file: {basePath}")]);
        var baseSource = Path.GetRelativePath(Directory.GetCurrentDirectory(), basePath);
        var plan = SweepValidator.Validate(ScenarioFile.Schema, sweep, File.ReadAllText(basePath), baseSource, a.GetAll("--set"));
        ScenarioFile.Report(plan.Notices);
        var cells = plan.Cells;

        var wanted = a.GetInt("--jobs", sweep.Jobs ?? 1, 1);
        var jobs = Math.Min(wanted, Environment.ProcessorCount);
        var outDir = Path.GetFullPath(a.Get("--out") ?? Path.Combine("runs", "compare-" + sweep.Name));
        var runner = new SweepRunner(sweep, cells, outDir, jobs, stdout);
        stdout.WriteLine($"fedsim compare: {sweep.Name}: {cells.Count} cells ({string.Join(" x ", sweep.Axes.Select(x => $"{x.Values.Count} {x.Key}"))}), " +
                         $"{jobs} at a time{(jobs < wanted ? $" (not {wanted}: {Environment.ProcessorCount} cores)" : "")}, " +
                         $"{runner.CoresPerRun} core(s) each; output {outDir}");
        return await runner.RunAsync(ct);
    }
}
