using System.Globalization;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Sweeps;

/// <summary>
/// Expands a sweep's axes into cells (the cross product, first axis varying slowest). Ids join the value slugs as
/// algorithm, partition, other axes in file order, seed last: <c>fedavg__dirichlet-0.5__seed0</c>.
/// </summary>
public static class SweepPlanner
{
    public static IReadOnlyList<SweepCell> Expand(SweepDefinition sweep, Scenario baseScenario, IReadOnlyList<SweepSetting> commandLine)
    {
        var axes = sweep.Axes;
        var idOrder = axes.Where(a => a.IsAlgorithm).Concat(axes.Where(a => a.IsPartition))
            .Concat(axes.Where(a => !a.IsAlgorithm && !a.IsPartition && !a.IsSeed)).Concat(axes.Where(a => a.IsSeed)).ToList();
        var cells = new List<SweepCell>();
        var choice = new int[axes.Count];
        var total = axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        for (var n = 0L; n < total && axes.All(a => a.Values.Count > 0); n++)
        {
            var rest = n;
            for (var i = axes.Count - 1; i >= 0; i--)
            {
                choice[i] = (int)(rest % axes[i].Values.Count);
                rest /= axes[i].Values.Count;
            }
            var picked = axes.Select((a, i) => (Axis: a, Value: a.Values[choice[i]])).ToList();
            var overrides = sweep.Set.Concat(commandLine).Concat(picked.SelectMany(p => p.Value.Settings)).ToList();
            var id = string.Join("__", idOrder.Select(a => picked.First(p => p.Axis == a).Value.Slug));
            cells.Add(new SweepCell(id, overrides, picked.Select(p => p.Value.Display).ToList(),
                RowLabel(picked, overrides, baseScenario), ColumnLabel(picked, baseScenario), SeedOf(overrides, baseScenario)));
        }
        return cells;
    }

    /// <summary>The partition row: the value's label, else the strategy with its parameter (<c>dirichlet(0.5)</c>, <c>label-k(2)</c>), plus other varied partition keys.</summary>
    private static string RowLabel(List<(SweepAxis Axis, SweepAxisValue Value)> picked, List<SweepSetting> overrides, Scenario b)
    {
        var partition = picked.FirstOrDefault(p => p.Axis.IsPartition);
        string label;
        string? parameter = null;
        if (partition.Value?.Label is { } explicitLabel) label = explicitLabel;
        else
        {
            var strategy = Last(overrides, "partition.strategy") ?? b.Partition.Strategy;
            parameter = ParameterOf(strategy);
            label = parameter is null ? strategy : $"{strategy}({Last(overrides, parameter) ?? BaseValue(b, parameter)})";
        }
        foreach (var (axis, value) in picked.Where(p => !p.Axis.IsPartition && p.Axis.Path.StartsWith("partition.", StringComparison.Ordinal)))
            if (axis.Path != parameter) label += $" {axis.Key}={value.Display}";
        return label;
    }

    private static string ColumnLabel(List<(SweepAxis Axis, SweepAxisValue Value)> picked, Scenario b)
    {
        var algorithm = picked.FirstOrDefault(p => p.Axis.IsAlgorithm);
        var label = algorithm.Value?.Display ?? b.Federation.Algorithm;
        foreach (var (axis, value) in picked.Where(p => !p.Axis.IsAlgorithm && !p.Axis.IsSeed && !p.Axis.Path.StartsWith("partition.", StringComparison.Ordinal)))
            label += $" {axis.Key}={value.Display}";
        return label;
    }

    private static int SeedOf(List<SweepSetting> overrides, Scenario b) =>
        int.TryParse(Last(overrides, SweepKeys.Seed), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : b.Seed;

    private static string? ParameterOf(string strategy) => strategy switch
    {
        "dirichlet" or "quantity-dirichlet" => "partition.beta",
        "label-k" => "partition.classes_per_party",
        "feature-noise" => "partition.noise_sigma",
        _ => null,
    };

    private static string? Last(List<SweepSetting> overrides, string path) => overrides.LastOrDefault(o => o.Path == path)?.Value;

    private static string BaseValue(Scenario b, string path) => path switch
    {
        "partition.beta" => b.Partition.Beta.ToString(CultureInfo.InvariantCulture),
        "partition.classes_per_party" => b.Partition.ClassesPerParty.ToString(CultureInfo.InvariantCulture),
        _ => b.Partition.NoiseSigma.ToString(CultureInfo.InvariantCulture),
    };
}
