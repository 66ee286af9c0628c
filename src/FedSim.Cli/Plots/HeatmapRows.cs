using System.Globalization;
using FedSim.Core.Partitioning;

namespace FedSim.Cli.Plots;

/// <summary>
/// What the partition heat-map draws, row by row (no drawing here). Up to <see cref="PartitionHeatmap.MaxRows"/>
/// parties: one row per party, in party order, with its sample counts per class. More parties than that cannot be
/// told apart at any image height, so the parties are sorted by their main class (then by that class's share, largest
/// first) and each row is the mean class share of a block of consecutive sorted parties: the skew stays visible,
/// where averaging parties in id order would make every non-IID split look IID. Parties without data come last.
/// </summary>
internal sealed record HeatmapRows(double[,] Values, int PartiesPerRow, IReadOnlyList<(int Row, string Label)> Ticks)
{
    /// <summary>True when a row is one party's sample counts, false when it is a block's mean class shares.</summary>
    public bool Counts => PartiesPerRow == 1;

    public static HeatmapRows Of(PartitionReport report, int maxRows)
    {
        var parties = report.Parties;
        var classes = Math.Max(1, report.Classes);
        if (parties.Count <= maxRows)
        {
            var counts = new double[Math.Max(1, parties.Count), classes];
            for (var p = 0; p < parties.Count; p++)
                for (var c = 0; c < report.Classes; c++)
                    counts[p, c] = parties[p].ClassCounts[c];
            var step = Math.Max(1, (int)Math.Ceiling(parties.Count / 25.0));
            return new HeatmapRows(counts, 1,
                Enumerable.Range(0, parties.Count).Where(p => p % step == 0).Select(p => (p, p.ToString(CultureInfo.InvariantCulture))).ToList());
        }

        // Parties without data (main class -1) go last.
        var sorted = parties.Select(p => (Main: MainClass(p), Party: p))
            .OrderBy(x => x.Main < 0 ? int.MaxValue : x.Main).ThenByDescending(x => Share(x.Party, x.Main)).ThenBy(x => x.Party.Id);
        var perRow = (int)Math.Ceiling(parties.Count / (double)maxRows);
        var blocks = sorted.Chunk(perRow).ToArray();
        var values = new double[blocks.Length, classes];
        var ticks = new List<(int, string)>();
        for (var r = 0; r < blocks.Length; r++)
        {
            var block = blocks[r];
            foreach (var x in block)
                for (var c = 0; c < report.Classes; c++)
                    values[r, c] += Share(x.Party, c) / block.Length;
            // A tick where a new main class starts (the first row holding a party of that class).
            foreach (var main in block.Select(x => x.Main).Distinct())
                if (ticks.Count == 0 || ticks[^1].Item2 != ClassLabel(main))
                    ticks.Add((r, ClassLabel(main)));
        }
        return new HeatmapRows(values, perRow, ticks);
    }

    public static string ClassLabel(int c) => c < 0 ? "none" : "c" + c.ToString(CultureInfo.InvariantCulture);

    /// <summary>The class a party holds most of (the lowest such class on a tie); -1 for a party without data.</summary>
    private static int MainClass(PartyDataStats p) =>
        p.Size == 0 ? -1 : Array.IndexOf(p.ClassCounts, p.ClassCounts.Max());

    private static double Share(PartyDataStats p, int c) => p.Size == 0 || c < 0 ? 0 : p.ClassCounts[c] / (double)p.Size;
}
