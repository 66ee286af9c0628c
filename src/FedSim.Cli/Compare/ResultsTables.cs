using System.Globalization;
using System.Text;
using FedSim.Coordinator;
using FedSim.Core.Sweeps;

namespace FedSim.Cli.Compare;

/// <summary>results.csv (a row per finished run) and results.md (paper-style tables: partitions x algorithms, mean ± std over seeds).</summary>
internal static class ResultsTables
{
    private static readonly string[] OutcomeColumns =
        ["row", "column", "seed", "status", "rounds", "final_accuracy", "best_accuracy", "total_bytes_up", "total_bytes_down", "wall_seconds", "error"];

    public static string Csv(SweepDefinition sweep, IReadOnlyList<CellOutcome> outcomes)
    {
        var axes = sweep.Axes.Where(a => !a.IsSeed).ToList();
        var header = axes.Select(a => a.Key).Prepend("cell_id").Concat(OutcomeColumns);
        return CsvText.Table(header, outcomes.Select(o =>
        {
            var values = sweep.Axes.Select((a, i) => (a, v: o.Cell.AxisValues[i])).Where(x => !x.a.IsSeed).Select(x => (object?)x.v);
            return new object?[] { o.Cell.Id }.Concat(values).Concat(new object?[]
            {
                o.Cell.Row, o.Cell.Column, o.Cell.Seed, o.Status, o.Rounds, o.FinalAccuracy, o.BestAccuracy, o.BytesUp, o.BytesDown,
                Math.Round(o.WallSeconds, 3), o.Error?.ReplaceLineEndings(" "),
            });
        }));
    }

    public static string Markdown(SweepDefinition sweep, IReadOnlyList<SweepCell> cells, IReadOnlyList<CellOutcome> outcomes)
    {
        var rows = cells.Select(c => c.Row).Distinct().ToList();
        var columns = cells.Select(c => c.Column).Distinct().ToList();
        var completed = outcomes.Where(o => o.Completed).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {sweep.Name}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{completed.Count} of {cells.Count} runs completed. ");
        sb.Append("Test accuracy of the global model in %, mean ± sample standard deviation " +
            "(n - 1 in the denominator) over seeds; a cell with one seed shows just its value, `(n=k)` marks a cell where only k of its seeds completed, " +
                  "and `–` one with no completed run.\n\n");
        Table(sb, "Final accuracy (%)", rows, columns, cells, completed, o => o.FinalAccuracy * 100, withStd: true);
        Table(sb, "Best accuracy (%)", rows, columns, cells, completed, o => o.BestAccuracy * 100, withStd: true);
        Table(sb, "Communication (MB up + down, mean over seeds)", rows, columns, cells, completed, o => (o.BytesUp + o.BytesDown) / 1e6, withStd: false);
        ToTarget(sb, rows, columns, cells, completed);
        return sb.ToString();
    }

    /// <summary>
    /// Bytes- and time-to-accuracy: for each of the runs' <c>report.accuracy_targets</c>, the MB (and, when the
    /// simulated clock ran, the simulated seconds) until a run first reached it, mean over the seeds that did.
    /// </summary>
    private static void ToTarget(StringBuilder sb, List<string> rows, List<string> columns, IReadOnlyList<SweepCell> cells, List<CellOutcome> completed)
    {
        var targets = completed.SelectMany(o => o.Targets.Select(t => t.Accuracy)).Distinct().Order().ToList();
        if (targets.Count == 0) return;
        var clocked = completed.Any(o => o.Progress.Any(p => p.SimClockSeconds > 0));
        sb.Append("To each accuracy target (`report.accuracy_targets`): mean over the seeds that reached it; `(n=k)`: only k seeds did; `–`: none did.\n\n");
        foreach (var target in targets)
        {
            var pct = (target * 100).ToString("0.##", CultureInfo.InvariantCulture);
            Table(sb, $"MB (up + down) to {pct}% accuracy", rows, columns, cells, completed, o => Crossing(o, target)?.Bytes / 1e6, withStd: false);
            if (clocked)
                Table(sb, $"Simulated seconds to {pct}% accuracy", rows, columns, cells, completed, o => Crossing(o, target)?.SimSeconds, withStd: false);
        }
    }

    private static Core.Metrics.TargetCrossing? Crossing(CellOutcome o, double target) => o.Targets.FirstOrDefault(t => t.Accuracy == target);

    private static void Table(StringBuilder sb, string title, List<string> rows, List<string> columns, IReadOnlyList<SweepCell> cells,
        List<CellOutcome> completed, Func<CellOutcome, double?> value, bool withStd)
    {
        sb.Append("## ").Append(title).Append("\n\n| partition |");
        foreach (var c in columns) sb.Append(' ').Append(Escape(c)).Append(" |");
        sb.Append("\n|---|");
        foreach (var _ in columns) sb.Append("---:|");
        sb.Append('\n');
        foreach (var r in rows)
        {
            sb.Append("| ").Append(Escape(r)).Append(" |");
            foreach (var c in columns)
            {
                var planned = cells.Count(x => x.Row == r && x.Column == c);
                var values = completed.Where(o => o.Cell.Row == r && o.Cell.Column == c).Select(value).OfType<double>().ToList();
                sb.Append(' ').Append(planned == 0 ? "" : MeanStd(values, planned, withStd)).Append(" |");
            }
            sb.Append('\n');
        }
        sb.Append('\n');
    }

    /// <summary><c>mean ± std</c> with the sample std (n - 1); one value alone; <c>–</c> for none.</summary>
    public static string MeanStd(IReadOnlyList<double> values, int planned, bool withStd)
    {
        if (values.Count == 0) return "–";
        var mean = values.Average();
        var text = mean.ToString("F2", CultureInfo.InvariantCulture);
        if (withStd && values.Count > 1)
        {
            var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            text += " ± " + std.ToString("F2", CultureInfo.InvariantCulture);
        }
        if (values.Count < planned) text += $" (n={values.Count})";
        return text;
    }

    private static string Escape(string s) => s.Replace("|", "\\|");
}
