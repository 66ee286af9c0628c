using FedSim.Cli.Compare;
using FedSim.Core.Metrics;
using SkiaSharp;

namespace FedSim.Cli.Plots;

/// <summary>
/// Test accuracy against rounds, cumulative MB or simulated seconds (<see cref="ProgressAxis"/>), in panels of lines;
/// each point of a line is the mean over its runs that have that round. A sweep gets one panel per partition row and
/// one line per algorithm column; a run folder one panel with its one run.
/// </summary>
internal static class AccuracyPlot
{
    private const int PanelWidth = 640;
    private const int PanelHeight = 420;

    /// <summary>One line: a label and the runs it averages (one per seed).</summary>
    internal sealed record Series(string Label, IReadOnlyList<IReadOnlyList<ProgressPoint>> Runs);

    /// <summary>A sweep's figure: partition rows as panels, algorithm columns as lines.</summary>
    public static void Write(IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<CellOutcome> outcomes, string pngPath, ProgressAxis axis) =>
        Write(rows.Select(r => (r, (IReadOnlyList<Series>)Lines(columns, outcomes.Where(o => o.Cell.Row == r).ToList()))).ToList(), pngPath, axis);

    public static void Write(IReadOnlyList<(string Title, IReadOnlyList<Series> Lines)> panels, string pngPath, ProgressAxis axis)
    {
        var images = panels.Select(p => Panel(p.Title, p.Lines, axis)).ToList();
        var gridColumns = Math.Min(2, Math.Max(1, images.Count));
        var gridRows = Math.Max(1, (images.Count + gridColumns - 1) / gridColumns);
        using var surface = SKSurface.Create(new SKImageInfo(gridColumns * PanelWidth, gridRows * PanelHeight));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < images.Count; i++)
        {
            using var image = SKImage.FromEncodedData(images[i]);
            surface.Canvas.DrawImage(image, i % gridColumns * PanelWidth, i / gridColumns * PanelHeight);
        }
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        Coordinator.AtomicFile.WriteAllBytes(pngPath, data.ToArray());
    }

    private static List<Series> Lines(IReadOnlyList<string> columns, List<CellOutcome> outcomes) =>
        columns.Select(column =>
        {
            var runs = outcomes.Where(o => o.Cell.Column == column && o.Progress.Count > 0).ToList();
            var seeds = runs.Select(o => o.Cell.Seed).Distinct().Count();
            return new Series(seeds > 1 ? $"{column} (mean of {seeds} seeds)" : column, runs.Select(o => o.Progress).ToList());
        }).Where(s => s.Runs.Count > 0).ToList();

    private static byte[] Panel(string title, IReadOnlyList<Series> lines, ProgressAxis axis)
    {
        var plot = new ScottPlot.Plot();
        foreach (var series in lines)
        {
            var rounds = series.Runs.Max(r => r.Count);
            var xs = new double[rounds];
            var ys = new double[rounds];
            for (var r = 0; r < rounds; r++)
            {
                var at = series.Runs.Where(run => run.Count > r).Select(run => run[r]).ToList();
                xs[r] = at.Average(axis.X);
                ys[r] = at.Average(p => p.Accuracy * 100);
            }
            plot.Add.Scatter(xs, ys).LegendText = series.Label;
        }
        plot.Title(title);
        plot.XLabel(axis.Label);
        if (axis == ProgressAxis.Round) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.YLabel("test accuracy (%)");
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        return plot.GetImageBytes(PanelWidth, PanelHeight, ScottPlot.ImageFormat.Png);
    }
}
