using FedSim.Core.Scenarios;

namespace FedSim.Core.Sweeps;

/// <summary>
/// Resolves and validates every cell of a sweep before anything runs. Problems are reported once each, located in
/// the sweep file where the offending value was written (or the base file / --set), naming the cell and the field.
/// Notices (deprecated keys) are reported once each too, however many cells load the same base.
/// </summary>
public static class SweepValidator
{
    /// <summary>The sweep's plan; <paramref name="commandLine"/> holds <c>key=value</c> overrides from the command line, applied to every cell after the sweep's <c>set</c>.</summary>
    public static SweepPlan Validate(ScenarioSchema schema, SweepDefinition sweep, string baseText, string baseSource, IEnumerable<string> commandLine)
    {
        var errors = new List<ScenarioError>();
        var cli = new List<SweepSetting>();
        foreach (var assignment in commandLine)
        {
            var eq = assignment.IndexOf('=');
            var key = eq > 0 ? assignment[..eq].Trim() : assignment;
            var path = SweepKeys.Resolve(schema, key) ?? key;
            if (sweep.Axes.FirstOrDefault(a => a.Path == path) is { } axis)
                errors.Add(new ScenarioError("--set", null, key, $"is the sweep axis '{axis.Key}' (line {axis.Line}); change its values in {sweep.Source}"));
            else cli.Add(new SweepSetting(path, eq > 0 ? assignment[(eq + 1)..].Trim() : "", null));
        }
        if (errors.Count > 0) throw new ScenarioException(errors);

        var notices = new List<ScenarioError>();
        var common = sweep.Set.Concat(cli).ToList();
        Scenario baseScenario;
        try
        {
            var load = schema.Load(baseText, baseSource, common.Select(s => s.Override));
            (baseScenario, notices) = (load.Scenario, load.Notices.Select(n => Locate(n, common, sweep)).ToList());
        }
        catch (ScenarioException e)
        {
            throw new ScenarioException(e.Errors.Select(x => Locate(x, common, sweep)).ToList());
        }

        var loaded = new Dictionary<string, Scenario>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<(ScenarioError Where, IReadOnlyList<SweepSetting> Overrides)>();
        Scenario? Load(IReadOnlyList<SweepSetting> overrides)
        {
            var key = string.Join("\n", overrides.Select(o => o.Override));
            if (loaded.TryGetValue(key, out var known)) return known;
            if (failed.Contains(key)) return null;
            try
            {
                var load = schema.Load(baseText, baseSource, overrides.Select(o => o.Override));
                notices.AddRange(load.Notices.Select(n => Locate(n, overrides, sweep)));
                return loaded[key] = load.Scenario;
            }
            catch (ScenarioException e)
            {
                problems.AddRange(e.Errors.Select(x => (Locate(x, overrides, sweep), overrides)));
                failed.Add(key);
                return null;
            }
        }
        var cells = SweepPlanner.Expand(schema, sweep, baseScenario, cli, Load);
        var result = cells.Where(c => Load(c.Overrides) is not null).Select(c => new ValidatedCell(c, Load(c.Overrides)!)).ToList();
        Report(cells, problems, errors);
        DeadAxes(schema, sweep, result, errors);
        foreach (var clash in result.GroupBy(c => (c.Cell.Row, c.Cell.Column, c.Cell.Seed)).Where(g => g.Count() > 1))
            errors.Add(new ScenarioError(sweep.Source, null, "axes",
                $"cells {string.Join(", ", clash.Select(c => c.Cell.Id))} share row '{clash.Key.Row}', column '{clash.Key.Column}' and seed {clash.Key.Seed}; give the values distinct labels"));
        if (errors.Count > 0) throw new ScenarioException(errors);
        return new SweepPlan(result, notices.Distinct().ToList());
    }

    /// <summary>A bare option name (<c>beta</c>) that no cell's chosen component takes would change nothing: an error, not a dead axis.</summary>
    private static void DeadAxes(ScenarioSchema schema, SweepDefinition sweep, List<ValidatedCell> cells, List<ScenarioError> errors)
    {
        foreach (var axis in sweep.Axes)
        {
            if (schema.Resolve(axis.Path) is not { IsFlat: true, Choice: { } choice } at || cells.Count == 0) continue;
            var choicePath = $"{axis.Path[..axis.Path.LastIndexOf('.')]}.{choice.Key}";
            if (cells.Any(c => at.Candidates.Any(k => k.Name == ScenarioValues.Choice(schema, c.Scenario, choicePath)?.Name))) continue;
            errors.Add(new ScenarioError(sweep.Source, axis.Line, "axes." + axis.Key,
                $"no cell's {choice.Key} takes {at.Setting.Key} (an option of {string.Join(", ", at.Candidates.Select(c => c.Name))})"));
        }
    }

    private static void Report(IReadOnlyList<SweepCell> cells, List<(ScenarioError Where, IReadOnlyList<SweepSetting> Overrides)> problems, List<ScenarioError> errors)
    {
        foreach (var group in problems.GroupBy(p => p.Where))
        {
            var ids = cells.Where(c => group.Any(p => ReferenceEquals(p.Overrides, c.Overrides) || p.Overrides.SequenceEqual(c.Overrides))).Select(c => c.Id).ToList();
            var which = ids.Count switch
            {
                0 => "a cell",
                1 => $"cell {ids[0]}",
                _ => $"cell {ids[0]} (and {ids.Count - 1} more)",
            };
            errors.Add(group.Key with { Message = $"{which}: {group.Key.Message}" });
        }
    }

    /// <summary>Overrides reach the loader as <c>--set</c>; point the error back at the line that wrote the value.</summary>
    private static ScenarioError Locate(ScenarioError error, IReadOnlyList<SweepSetting> overrides, SweepDefinition sweep)
    {
        if (error.Source != "--set") return error;
        var setting = overrides.LastOrDefault(o => o.Path == error.Field);
        return setting?.Line is { } line ? error with { Source = sweep.Source, Line = line } : error;
    }
}
