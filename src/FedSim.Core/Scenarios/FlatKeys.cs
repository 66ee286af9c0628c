namespace FedSim.Core.Scenarios;

/// <summary>
/// Moves options written in the layout before they sat under their component's name (<c>federation.mu</c>,
/// <c>partition.beta</c>) to where they belong now (<c>federation.fedprox.mu</c>), with a deprecation notice naming the
/// new key. A flat key goes to the chosen component when it has that option, else to every component that has it.
/// </summary>
internal static class FlatKeys
{
    public static void Rewrite(ScenarioSchema schema, RawMap raw, Components.SectionSpec section, string prefix,
        List<ScenarioError> notices, List<ScenarioError> errors)
    {
        foreach (var entry in raw.Entries.ToList())
        {
            var child = section.Find(entry.Key);
            if (child is Components.SectionSpec nested && entry.Value is RawMap map)
                Rewrite(schema, map, nested, prefix + entry.Key + ".", notices, errors);
            if (child is not null || IsComponentName(schema, section, entry.Key)) continue;
            foreach (var choice in ScenarioSchema.NamedChoices(section))
            {
                var owners = schema.Components(choice).All.Where(c => c.Options.Find(entry.Key) is not null).ToList();
                if (owners.Count == 0) continue;
                var selected = (raw.Get(choice.Key)?.Value as RawScalar)?.Text ?? choice.DefaultName;
                var targets = owners.Any(o => o.Name == selected) ? owners.Where(o => o.Name == selected).ToList() : owners;
                raw.Remove(entry.Key);
                foreach (var target in targets) Move(raw, target.Name, entry, prefix, errors);
                notices.Add(new ScenarioError(entry.Value.Source, entry.KeyLine ?? entry.Value.Line, prefix + entry.Key,
                    $"deprecated; write {string.Join(" and ", targets.Select(t => $"{prefix}{t.Name}.{entry.Key}"))} (options now sit under their {choice.Key}'s name)"));
                break;
            }
        }
    }

    private static bool IsComponentName(ScenarioSchema schema, Components.SectionSpec section, string key) =>
        ScenarioSchema.NamedChoices(section).Any(c => schema.Components(c).Find(key) is not null);

    private static void Move(RawMap raw, string component, RawEntry entry, string prefix, List<ScenarioError> errors)
    {
        var options = raw.Get(component)?.Value as RawMap;
        if (options is null)
        {
            if (raw.Get(component) is { Value: not RawScalar { Text: null } }) return; // not a mapping: the binder says so
            options = new RawMap(entry.Value.Source, entry.KeyLine);
            raw.Set(component, options, entry.KeyLine);
        }
        if (options.Get(entry.Key) is not { } existing)
        {
            options.Set(entry.Key, entry.Value, entry.KeyLine);
            return;
        }
        // An override beats the file, whichever layout either used; two values in the same place are an error.
        var flatIsOverride = entry.Value.Source == ScenarioOverrides.Source;
        var existingIsOverride = existing.Value.Source == ScenarioOverrides.Source;
        if (flatIsOverride && !existingIsOverride) options.Set(entry.Key, entry.Value, entry.KeyLine);
        else if (flatIsOverride == existingIsOverride)
            errors.Add(new ScenarioError(entry.Value.Source, entry.KeyLine ?? entry.Value.Line, prefix + entry.Key,
                $"given twice: as {prefix}{entry.Key} and as {prefix}{component}.{entry.Key}{(existing.KeyLine is { } l ? $" (line {l})" : "")}"));
    }
}
