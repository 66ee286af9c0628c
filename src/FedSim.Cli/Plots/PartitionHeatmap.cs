using System.Globalization;
using FedSim.Core.Partitioning;

namespace FedSim.Cli.Plots;

/// <summary>The party x class sample counts of a partition as a heat-map PNG (parties down, classes across; counts written in the cells when at most 20 x 20).</summary>
internal static class PartitionHeatmap
{
    public const int MaxLabelledCells = 20;

    public static void Write(PartitionReport report, string pngPath)
    {
        var parties = report.Parties.Count;
        var classes = report.Classes;
        var counts = new double[Math.Max(1, parties), Math.Max(1, classes)];
        for (var p = 0; p < parties; p++)
            for (var c = 0; c < classes; c++)
                counts[p, c] = report.Parties[p].ClassCounts[c];

        var plot = new ScottPlot.Plot();
        var heatmap = plot.Add.Heatmap(counts);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = "samples";
        // Heat-map row 0 is drawn at the top, at y = parties - 1; party p sits at y = parties - 1 - p.
        var classTicks = Ticks(classes, c => c, c => "c" + c.ToString(CultureInfo.InvariantCulture));
        var partyTicks = Ticks(parties, p => parties - 1 - p, p => p.ToString(CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(classTicks.Positions, classTicks.Labels);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(partyTicks.Positions, partyTicks.Labels);
        if (parties <= MaxLabelledCells && classes <= MaxLabelledCells)
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
        plot.XLabel("class");
        plot.YLabel("party");
        plot.Title($"{report.Strategy}, seed {report.Seed}: {parties} parties x {classes} classes");
        var width = Math.Clamp(160 + 48 * classes, 480, 1600);
        var height = Math.Clamp(140 + 36 * parties, 360, 1600);
        Coordinator.AtomicFile.WriteAllBytes(pngPath, plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));
    }

    private static (double[] Positions, string[] Labels) Ticks(int n, Func<int, int> position, Func<int, string> label)
    {
        var step = Math.Max(1, (int)Math.Ceiling(n / 25.0));
        var picked = Enumerable.Range(0, n).Where(i => i % step == 0).ToArray();
        return (picked.Select(i => (double)position(i)).ToArray(), picked.Select(label).ToArray());
    }
}
