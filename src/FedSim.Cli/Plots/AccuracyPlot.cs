using FedSim.Cli.Compare;
using SkiaSharp;

namespace FedSim.Cli.Plots;

/// <summary>Test accuracy per round, one panel per partition row, one line per algorithm (mean over the seeds that have the round).</summary>
internal static class AccuracyPlot
{
    private const int PanelWidth = 640;
    private const int PanelHeight = 420;

    public static void Write(IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<CellOutcome> outcomes, string pngPath)
    {
        var panels = rows.Select(r => Panel(r, columns, outcomes.Where(o => o.Cell.Row == r).ToList())).ToList();
        var gridColumns = Math.Min(2, Math.Max(1, panels.Count));
        var gridRows = Math.Max(1, (panels.Count + gridColumns - 1) / gridColumns);
        using var surface = SKSurface.Create(new SKImageInfo(gridColumns * PanelWidth, gridRows * PanelHeight));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++)
        {
            using var image = SKImage.FromEncodedData(panels[i]);
            surface.Canvas.DrawImage(image, i % gridColumns * PanelWidth, i / gridColumns * PanelHeight);
        }
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        Coordinator.AtomicFile.WriteAllBytes(pngPath, data.ToArray());
    }

    private static byte[] Panel(string row, IReadOnlyList<string> columns, List<CellOutcome> outcomes)
    {
        var plot = new ScottPlot.Plot();
        foreach (var column in columns)
        {
            var runs = outcomes.Where(o => o.Cell.Column == column && o.Accuracy.Count > 0).ToList();
            if (runs.Count == 0) continue;
            var rounds = runs.Max(o => o.Accuracy.Count);
            var xs = new List<double>();
            var ys = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var at = runs.Where(o => o.Accuracy.Count > r).Select(o => o.Accuracy[r] * 100).ToList();
                xs.Add(r + 1);
                ys.Add(at.Average());
            }
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.LegendText = runs.Select(o => o.Cell.Seed).Distinct().Count() > 1 ? $"{column} (mean of {runs.Select(o => o.Cell.Seed).Distinct().Count()} seeds)" : column;
        }
        plot.Title(row);
        plot.XLabel("round");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.YLabel("test accuracy (%)");
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        return plot.GetImageBytes(PanelWidth, PanelHeight, ScottPlot.ImageFormat.Png);
    }
}
