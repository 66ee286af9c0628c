using System.Globalization;
using FedSim.Core.Partitioning;

namespace FedSim.Cli.Plots;

/// <summary>
/// The party x class sample counts of a partition as a heat-map PNG (parties down, classes across; counts written in the
/// cells when at most 20 x 20). Past <see cref="MaxRows"/> parties a row stands for a block of parties sorted by main
/// class (see <see cref="HeatmapRows"/>).
/// </summary>
internal static class PartitionHeatmap
{
    public const int MaxLabelledCells = 20;

    /// <summary>Most rows drawn: one party per row up to here, blocks of parties beyond.</summary>
    public const int MaxRows = 200;

    public static void Write(PartitionReport report, string pngPath)
    {
        var parties = report.Parties.Count;
        var classes = report.Classes;
        var rows = HeatmapRows.Of(report, MaxRows);
        var drawn = rows.Values.GetLength(0);

        var plot = new ScottPlot.Plot();
        var heatmap = plot.Add.Heatmap(rows.Values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = rows.Counts ? "samples" : $"mean share of a party's samples ({rows.PartiesPerRow} parties per row)";
        // Heat-map row 0 is drawn at the top, at y = rows - 1; row r sits at y = rows - 1 - r.
        var classTicks = Enumerable.Range(0, classes).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            classTicks.Select(c => (double)c).ToArray(), classTicks.Select(HeatmapRows.ClassLabel).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            rows.Ticks.Select(t => (double)(drawn - 1 - t.Row)).ToArray(), rows.Ticks.Select(t => t.Label).ToArray());
        if (rows.Counts && parties <= MaxLabelledCells && classes <= MaxLabelledCells)
        {
            var max = parties == 0 || classes == 0 ? 0 : report.Parties.Max(p => p.ClassCounts.DefaultIfEmpty(0).Max());
            for (var p = 0; p < parties; p++)
                for (var c = 0; c < classes; c++)
                {
                    var count = report.Parties[p].ClassCounts[c];
                    var text = plot.Add.Text(count.ToString(CultureInfo.InvariantCulture), c, parties - 1 - p);
                    text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
                    text.LabelFontSize = parties > 12 || classes > 12 ? 9 : 12;
                    // Viridis is dark at the low end: light text there, dark text on the bright high end.
                    text.LabelFontColor = count > max * 0.6 ? ScottPlot.Colors.Black : ScottPlot.Colors.White;
                }
        }
        plot.Axes.SetLimits(-0.5, Math.Max(1, classes) - 0.5, -0.5, drawn - 0.5);
        plot.XLabel("class");
        plot.YLabel(rows.Counts ? "party" : "parties, sorted by main class");
        plot.Title($"{report.Strategy}, seed {report.Seed}: {parties} parties x {classes} classes");
        var width = Math.Clamp(160 + 48 * classes, 480, 1600);
        var height = Math.Clamp(140 + 36 * drawn, 360, 1600);
        Coordinator.AtomicFile.WriteAllBytes(pngPath, plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));
    }
}
