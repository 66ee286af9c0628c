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
        return sb.ToString();
    }

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
