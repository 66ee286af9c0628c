using FedSim.Core.Scenarios;

namespace FedSim.Core.Sweeps;

/// <summary>
/// Resolves and validates every cell of a sweep before anything runs. Problems are reported once each, located in
/// the sweep file where the offending value was written (or the base file / --set), naming the cell and the field.
/// </summary>
public static class SweepValidator
{
    /// <param name="commandLine"><c>key=value</c> overrides from the command line, applied to every cell after the sweep's <c>set</c>.</param>
    public static IReadOnlyList<ValidatedCell> Validate(SweepDefinition sweep, string baseText, string baseSource, IEnumerable<string> commandLine)
    {
        var errors = new List<ScenarioError>();
        var cli = new List<SweepSetting>();
        foreach (var assignment in commandLine)
        {
            var eq = assignment.IndexOf('=');
            var key = eq > 0 ? assignment[..eq].Trim() : assignment;
            var path = SweepKeys.Resolve(key) ?? key;
            if (sweep.Axes.FirstOrDefault(a => a.Path == path) is { } axis)
                errors.Add(new ScenarioError("--set", null, key, $"is the sweep axis '{axis.Key}' (line {axis.Line}); change its values in {sweep.Source}"));
            else cli.Add(new SweepSetting(path, eq > 0 ? assignment[(eq + 1)..].Trim() : "", null));
        }
        if (errors.Count > 0) throw new ScenarioException(errors);

        var common = sweep.Set.Concat(cli).ToList();
        Scenario baseScenario;
        try
        {
            baseScenario = ScenarioLoader.Parse(baseText, baseSource, common.Select(s => s.Override));
        }
        catch (ScenarioException e)
        {
            throw new ScenarioException(e.Errors.Select(x => Locate(x, common, sweep)).ToList());
        }

        var cells = SweepPlanner.Expand(sweep, baseScenario, cli);
        var result = new List<ValidatedCell>();
        var problems = new List<(ScenarioError Where, string CellId)>();
        foreach (var cell in cells)
        {
            try
            {
                result.Add(new ValidatedCell(cell, ScenarioLoader.Parse(baseText, baseSource, cell.Overrides.Select(o => o.Override))));
            }
            catch (ScenarioException e)
            {
                problems.AddRange(e.Errors.Select(x => (Locate(x, cell.Overrides, sweep), cell.Id)));
            }
        }
        foreach (var group in problems.GroupBy(p => p.Where))
        {
            var ids = group.Select(p => p.CellId).ToList();
            var which = ids.Count == 1 ? $"cell {ids[0]}" : $"cell {ids[0]} (and {ids.Count - 1} more)";
            errors.Add(group.Key with { Message = $"{which}: {group.Key.Message}" });
        }
        foreach (var clash in result.GroupBy(c => (c.Cell.Row, c.Cell.Column, c.Cell.Seed)).Where(g => g.Count() > 1))
            errors.Add(new ScenarioError(sweep.Source, null, "axes",
                $"cells {string.Join(", ", clash.Select(c => c.Cell.Id))} share row '{clash.Key.Row}', column '{clash.Key.Column}' and seed {clash.Key.Seed}; give the values distinct labels"));
        if (errors.Count > 0) throw new ScenarioException(errors);
        return result;
    }

    /// <summary>Overrides reach the loader as <c>--set</c>; point the error back at the line that wrote the value.</summary>
    private static ScenarioError Locate(ScenarioError error, IReadOnlyList<SweepSetting> overrides, SweepDefinition sweep)
    {
        if (error.Source != "--set") return error;
        var setting = overrides.LastOrDefault(o => o.Path == error.Field);
        return setting?.Line is { } line ? error with { Source = sweep.Source, Line = line } : error;
    }
}
