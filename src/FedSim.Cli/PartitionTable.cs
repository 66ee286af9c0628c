using System.Globalization;
using System.Text;
using FedSim.Core.Partitioning;

namespace FedSim.Cli;

/// <summary>
/// The party x class count table as text, with each party's size, classes present and JS divergence. Past
/// <see cref="MaxRows"/> parties it shows the first and last ones and says how many it left out (partition.json and the
/// heat-map have them all).
/// </summary>
internal static class PartitionTable
{
    public const int MaxRows = 60;
    private const int Head = 50;
    private const int Tail = 5;

    public static string Render(PartitionReport report)
    {
        var sb = new StringBuilder();
        var classes = Enumerable.Range(0, report.Classes).ToArray();
        var width = Math.Max(6, report.Parties.Max(p => p.ClassCounts.Max()).ToString(CultureInfo.InvariantCulture).Length + 1);
        sb.Append("party".PadLeft(6));
        foreach (var c in classes) sb.Append(("c" + c).PadLeft(width));
        sb.Append("size".PadLeft(8)).Append("classes".PadLeft(9)).Append("JS".PadLeft(8)).Append('\n');
        var n = report.Parties.Count;
        var shown = n <= MaxRows ? report.Parties : report.Parties.Take(Head).Concat(report.Parties.Skip(n - Tail)).ToList();
        foreach (var p in shown)
        {
            if (n > MaxRows && p.Id == report.Parties[n - Tail].Id)
                sb.Append(CultureInfo.InvariantCulture, $"   ... {n - Head - Tail} more parties (every party is in partition.json)\n");
            sb.Append(p.Id.ToString(CultureInfo.InvariantCulture).PadLeft(6));
            foreach (var c in p.ClassCounts) sb.Append(c.ToString(CultureInfo.InvariantCulture).PadLeft(width));
            sb.Append(p.Size.ToString(CultureInfo.InvariantCulture).PadLeft(8))
                .Append(p.ClassesPresent.ToString(CultureInfo.InvariantCulture).PadLeft(9))
                .Append(p.JsDivergence.ToString("F3", CultureInfo.InvariantCulture).PadLeft(8)).Append('\n');
        }
        sb.Append(CultureInfo.InvariantCulture,
            $"{report.Strategy}, seed {report.Seed}: {report.Parties.Count} parties, {report.TotalSamples} samples; " +
            $"JS divergence mean {report.MeanJsDivergence:F3} max {report.MaxJsDivergence:F3}; size CV {report.SizeCoefficientOfVariation:F3}\n");
        return sb.ToString();
    }
}
