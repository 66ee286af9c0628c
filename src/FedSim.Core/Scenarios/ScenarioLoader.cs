namespace FedSim.Core.Scenarios;

/// <summary>
/// Reads scenario YAML text plus <c>key.path=value</c> overrides into a validated <see cref="Scenario"/>.
/// Every problem is reported with its source, line and field; unknown keys are errors, not ignored; a file without
/// settings is refused. Options in the old flat layout are moved to their component and noted as deprecated.
/// </summary>
internal static class ScenarioLoader
{
    public static ScenarioLoad Load(ScenarioSchema schema, string yaml, string source, IEnumerable<string> overrides)
    {
        var errors = new List<ScenarioError>();
        var raw = YamlMappingReader.Read(yaml, source, errors);
        if (errors.Count > 0) throw new ScenarioException(errors);
        if (raw is null || raw.Entries.Count == 0)
            throw new ScenarioException([new ScenarioError(source, null, "(file)",
                "holds no settings; a scenario names at least one key (e.g. name: my-run), and every key it leaves out takes its default")]);
        foreach (var o in overrides) ScenarioOverrides.Apply(schema, raw, o, errors);
        var notices = new List<ScenarioError>();
        FlatKeys.Rewrite(schema, raw, schema.Root, "", notices, errors);
        var scenario = (Scenario)new ScenarioBinder(schema, errors).Section(raw, schema.Root, "");
        if (errors.Count > 0) throw new ScenarioException(errors);
        ScenarioRules.Check(scenario, raw, source, errors);
        if (errors.Count > 0) throw new ScenarioException(errors);
        return new ScenarioLoad(scenario, notices);
    }
}
