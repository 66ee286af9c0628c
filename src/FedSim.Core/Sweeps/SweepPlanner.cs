using System.Globalization;
using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Sweeps;

/// <summary>
/// Expands a sweep's axes into cells (the cross product, first axis varying slowest). Ids join the value slugs as
/// algorithm, partition, other axes in file order, seed last: <c>fedavg__dirichlet-0.5__seed0</c>. A bare option name
/// (<c>beta: [0.1, 0.5]</c>) is applied to the component each cell chooses (<c>partition.dirichlet.beta</c>).
/// </summary>
internal static class SweepPlanner
{
    /// <summary>The sweep's cells; <paramref name="load"/> gives a cell's scenario for its overrides (null when it does not load), and rows are labelled from it.</summary>
    public static IReadOnlyList<SweepCell> Expand(ScenarioSchema schema, SweepDefinition sweep, Scenario baseScenario,
        IReadOnlyList<SweepSetting> commandLine, Func<IReadOnlyList<SweepSetting>, Scenario?> load)
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
            var overrides = Bind(schema, sweep.Set.Concat(commandLine).Concat(picked.SelectMany(p => p.Value.Settings)).ToList(), baseScenario);
            var id = string.Join("__", idOrder.Select(a => picked.First(p => p.Axis == a).Value.Slug));
            cells.Add(new SweepCell(id, overrides, picked.Select(p => p.Value.Display).ToList(),
                RowLabel(schema, picked, overrides, load(overrides)), ColumnLabel(picked, baseScenario), SeedOf(overrides, baseScenario)));
        }
        return cells;
    }

    /// <summary>
    /// Bare option names (<c>partition.beta</c>) moved under the component the cell chooses; a cell whose component
    /// lacks the option leaves it out (the value means nothing there, as a flat key meant nothing before).
    /// </summary>
    private static List<SweepSetting> Bind(ScenarioSchema schema, List<SweepSetting> overrides, Scenario baseScenario) =>
        overrides.SelectMany(o =>
        {
            if (schema.Resolve(o.Path) is not { IsFlat: true, Choice: { } choice } at) return [o];
            var section = o.Path[..o.Path.LastIndexOf('.')];
            var chosen = Last(overrides, $"{section}.{choice.Key}") ?? ScenarioValues.Choice(schema, baseScenario, $"{section}.{choice.Key}")?.Name;
            return at.Candidates.Any(c => c.Name == chosen) ? [o with { Path = at.Under(chosen!) }] : Array.Empty<SweepSetting>();
        }).ToList();

    /// <summary>The partition row: the value's label, else the partitioner with its headline option (<c>dirichlet(0.5)</c>), plus other varied partition keys.</summary>
    private static string RowLabel(ScenarioSchema schema, List<(SweepAxis Axis, SweepAxisValue Value)> picked, List<SweepSetting> overrides, Scenario? scenario)
    {
        var partition = picked.FirstOrDefault(p => p.Axis.IsPartition);
        var strategy = scenario?.Partition.Strategy;
        var headline = strategy?.Component?.Options.Children.OfType<OptionSpec>().FirstOrDefault();
        var parameter = headline is null ? null : $"partition.{strategy!.Name}.{headline.Key}";
        var label = partition.Value?.Label
            ?? (strategy is null ? Last(overrides, SweepKeys.Partition) ?? "?"
                : headline is null ? strategy.Name
                : $"{strategy.Name}({OptionSpec.Format(headline.Property!.GetValue(strategy.Options))})");
        foreach (var (axis, value) in picked.Where(p => !p.Axis.IsPartition && p.Axis.Path.StartsWith("partition.", StringComparison.Ordinal)))
        {
            var path = Bind(schema, [value.Settings[0]], scenario ?? new Scenario()).FirstOrDefault()?.Path;
            if (path != parameter || partition.Value?.Label is not null) label += $" {axis.Key}={value.Display}";
        }
        return label;
    }

    private static string ColumnLabel(List<(SweepAxis Axis, SweepAxisValue Value)> picked, Scenario b)
    {
        var algorithm = picked.FirstOrDefault(p => p.Axis.IsAlgorithm);
        var label = algorithm.Value?.Display ?? b.Federation.Algorithm.Name;
        foreach (var (axis, value) in picked.Where(p => !p.Axis.IsAlgorithm && !p.Axis.IsSeed && !p.Axis.Path.StartsWith("partition.", StringComparison.Ordinal)))
            label += $" {axis.Key}={value.Display}";
        return label;
    }

    private static int SeedOf(List<SweepSetting> overrides, Scenario b) =>
        int.TryParse(Last(overrides, SweepKeys.Seed), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : b.Seed;

    private static string? Last(List<SweepSetting> overrides, string path) => overrides.LastOrDefault(o => o.Path == path)?.Value;
}
