using System.Diagnostics;
using FedSim.Coordinator;
using FedSim.Core.Sweeps;

namespace FedSim.Cli.Compare;

/// <summary>
/// Runs a validated sweep: each cell as a child <c>fedsim run</c> into OUT/runs/CELL_ID, up to <c>jobs</c> at once.
/// Cells whose run folder already holds a completed summary are skipped; results are rewritten after every finished cell.
/// </summary>
internal sealed class SweepRunner(SweepDefinition sweep, IReadOnlyList<ValidatedCell> cells, string outDir, int jobs, TextWriter stdout)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CellOutcome> _outcomes = new(StringComparer.Ordinal);
    private int _done;

    public string RunsDir => Path.Combine(outDir, "runs");

    /// <summary>Threads the machine gives each concurrent run: the child believes it has this many cores.</summary>
    public int CoresPerRun => Math.Max(1, Environment.ProcessorCount / jobs);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(RunsDir);
        var pending = new List<ValidatedCell>();
        foreach (var cell in cells)
        {
            var runDir = RunDir(cell.Cell);
            if (RunFolderReader.IsCompleted(runDir))
            {
                var outcome = RunFolderReader.Read(cell.Cell, runDir, "completed", null);
                lock (_gate)
                {
                    _outcomes[cell.Cell.Id] = outcome;
                    _done++;
                    Say($"skipped (done)  {cell.Cell.Id}  final {Pct(outcome.FinalAccuracy)}  [{_done}/{cells.Count}]");
                }
            }
            else pending.Add(cell);
        }
        WriteResults();

        using var slots = new SemaphoreSlim(jobs);
        var tasks = pending.Select(async cell =>
        {
            try
            {
                await slots.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await RunCell(cell, ct);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        WriteResults();

        var failed = _outcomes.Values.Where(o => !o.Completed && o.Status != "cancelled").ToList();
        if (ct.IsCancellationRequested)
        {
            Say($"interrupted: {_outcomes.Values.Count(o => o.Completed)} of {cells.Count} cells completed; run the same command again to resume");
            return CliApp.Interrupted;
        }
        Say($"sweep {sweep.Name}: {_outcomes.Values.Count(o => o.Completed)} of {cells.Count} cells completed, {failed.Count} failed; results in {outDir}");
        foreach (var f in failed) Say($"  failed  {f.Cell.Id}: {f.Error}");
        return failed.Count > 0 ? CliApp.RunFailed : CliApp.Ok;
    }

    private string RunDir(SweepCell cell) => Path.Combine(RunsDir, cell.Id);

    private async Task RunCell(ValidatedCell cell, CancellationToken ct)
    {
        var id = cell.Cell.Id;
        var runDir = RunDir(cell.Cell);
        // A half-finished run starts over from scratch.
        if (Directory.Exists(runDir)) Directory.Delete(runDir, recursive: true);
        var scenario = cell.Scenario with
        {
            Name = $"{sweep.Name}-{id}",
            Deployment = cell.Scenario.Deployment with { Workers = CoresPerRun },
        };
        var yamlPath = Path.Combine(RunsDir, id + ".yaml");
        AtomicFile.WriteAllText(yamlPath, ScenarioFile.ToYaml(scenario));

        var psi = CellProcess.Command(yamlPath, runDir, CoresPerRun);
        var watch = Stopwatch.StartNew();
        lock (_gate) Say($"started         {id}");
        CellProcess.Exit exit;
        try
        {
            exit = await CellProcess.RunAsync(psi, Path.Combine(RunsDir, id + ".log"), ct);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Record(RunFolderReader.Read(cell.Cell, runDir, "failed", $"could not start {psi.FileName}: {e.Message}"), watch);
            return;
        }
        catch (OperationCanceledException)
        {
            lock (_gate) Say($"cancelled       {id}");
            lock (_gate) _outcomes[id] = RunFolderReader.Read(cell.Cell, runDir, "cancelled", "interrupted") with { Status = "cancelled" };
            return;
        }
        Record(Outcome(cell.Cell, runDir, exit), watch);
    }

    /// <summary>A finished child's cell: its run folder, failed when the child did not exit 0.</summary>
    private static CellOutcome Outcome(SweepCell cell, string runDir, CellProcess.Exit exit)
    {
        var status = exit.Code == CliApp.Ok ? "completed" : "failed";
        var detail = exit.LastError ?? $"see {cell.Id}.log";
        var outcome = RunFolderReader.Read(cell, runDir, status, exit.Code == CliApp.Ok ? null : $"exit {exit.Code}: {detail}");
        // A run that wrote its results and then died on the way out (e.g. a native abort) is still a failed cell.
        if (exit.Code != CliApp.Ok && outcome.Completed)
            outcome = outcome with { Status = "failed", Error = $"exit {exit.Code} after writing its results: {detail}" };
        return outcome;
    }

    private void Record(CellOutcome outcome, Stopwatch watch)
    {
        lock (_gate)
        {
            _outcomes[outcome.Cell.Id] = outcome;
            _done++;
            var what = outcome.Completed
                ? $"finished        {outcome.Cell.Id}  final {Pct(outcome.FinalAccuracy)}  best {Pct(outcome.BestAccuracy)}"
                : $"FAILED          {outcome.Cell.Id}  {outcome.Status}: {outcome.Error}";
            Say($"{what}  {watch.Elapsed.TotalSeconds:F1} s  [{_done}/{cells.Count} done]");
            WriteResults();
        }
    }

    private void WriteResults()
    {
        lock (_gate)
        {
            var ordered = cells.Where(c => _outcomes.ContainsKey(c.Cell.Id)).Select(c => _outcomes[c.Cell.Id]).ToList();
            var all = cells.Select(c => c.Cell).ToList();
            AtomicFile.WriteAllText(Path.Combine(outDir, "results.csv"), ResultsTables.Csv(sweep, ordered));
            AtomicFile.WriteAllText(Path.Combine(outDir, "results.md"), ResultsTables.Markdown(sweep, all, ordered));
            foreach (var axis in Plots.ProgressAxis.For(ordered.Select(o => o.Progress)))
                Plots.AccuracyPlot.Write(all.Select(c => c.Row).Distinct().ToList(), all.Select(c => c.Column).Distinct().ToList(), ordered,
                    Path.Combine(outDir, axis.FileName), axis);
        }
    }

    private static string Pct(double? fraction) => fraction is { } f ? Units.Percent(f) : "-";

    private void Say(string line)
    {
        stdout.WriteLine(line);
        stdout.Flush();
    }
}
