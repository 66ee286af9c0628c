using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>
/// What a dotted scenario path names: a value, a component choice, or one of a component's options; for a choice's
/// options, the choice and component too. <see cref="Relative"/> marks a flat path such as <c>partition.beta</c> that
/// names an option of whichever component the section chooses (the layout before options moved under their component).
/// </summary>
internal sealed record ScenarioPath(string Path, SettingSpec Setting)
{
    public ChoiceSpec? Choice { get; init; }

    public ComponentInfo? Component { get; init; }

    /// <summary>Components holding the option a relative path names (for <c>partition.beta</c>: dirichlet, quantity-dirichlet).</summary>
    public IReadOnlyList<ComponentInfo> Candidates { get; init; } = [];

    public bool Relative => Candidates.Count > 0;

    /// <summary>A flat path from the layout before options moved under their component's name (deprecated in files).</summary>
    public bool IsFlat { get; init; }

    /// <summary>The option's path under one candidate component: <c>partition.dirichlet.beta</c>.</summary>
    public string Under(string component)
    {
        var dot = Path.LastIndexOf('.');
        return dot < 0 ? $"{component}.{Path}" : $"{Path[..dot]}.{component}.{Path[(dot + 1)..]}";
    }

    internal static ScenarioPath? Resolve(ScenarioSchema schema, string path)
    {
        var parts = path.Split('.');
        var section = schema.Root;
        ChoiceSpec? choice = null;
        ComponentInfo? component = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            var child = section.Find(parts[i]);
            if (child is SectionSpec nested && !last)
            {
                section = nested;
                continue;
            }
            if (child is ChoiceSpec { Layout: ChoiceLayout.Inline } inline && !last)
                return InlineOption(schema, path, inline, parts[(i + 1)..]);
            if (child is not null)
                return last ? new ScenarioPath(path, child) { Choice = choice, Component = component } : null;
            var owner = ScenarioSchema.NamedChoices(section).FirstOrDefault(c => schema.Components(c).Find(parts[i]) is not null);
            if (owner is not null)
            {
                (choice, component) = (owner, schema.Components(owner).Get(parts[i]));
                section = component.Options;
                if (last) return new ScenarioPath(path, section) { Choice = choice, Component = component };
                continue;
            }
            return last && component is null ? Flat(schema, path, section, parts[i]) : null;
        }
        return null;
    }

    /// <summary>
    /// An option of an inline choice (<c>compression.uplink.fraction</c>), of any component it may choose; an option that
    /// is itself an inline choice goes on (<c>compression.uplink.then.scheme</c>).
    /// </summary>
    private static ScenarioPath? InlineOption(ScenarioSchema schema, string path, ChoiceSpec inline, string[] rest)
    {
        if (rest.Length == 1 && rest[0] == inline.Selector) return new ScenarioPath(path, inline) { Choice = inline };
        var owners = schema.InlineOptions(inline, rest[0]);
        if (owners.Count == 0) return null;
        var setting = owners[0].Setting;
        if (rest.Length == 1) return new ScenarioPath(path, setting) { Choice = inline, Candidates = owners.Select(o => o.Component).ToList() };
        return setting is ChoiceSpec { Layout: ChoiceLayout.Inline } nested ? InlineOption(schema, path, nested, rest[1..]) : null;
    }

    private static ScenarioPath? Flat(ScenarioSchema schema, string path, SectionSpec section, string key)
    {
        foreach (var named in ScenarioSchema.NamedChoices(section))
        {
            var owners = schema.Components(named).All.Where(c => c.Options.Find(key) is not null).ToList();
            if (owners.Count > 0) return new ScenarioPath(path, owners[0].Options.Find(key)!) { Choice = named, Candidates = owners, IsFlat = true };
        }
        return null;
    }
}
