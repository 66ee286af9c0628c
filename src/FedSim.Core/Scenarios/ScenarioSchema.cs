using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>
/// The keys a scenario file may hold, derived from <see cref="Scenario"/>'s attributes and the catalog's components:
/// loading (<see cref="Load"/>), writing (<see cref="ToYaml"/>), the JSON Schema and key lookups all come from here.
/// </summary>
public sealed class ScenarioSchema(Catalog catalog)
{
    public Catalog Catalog { get; } = catalog;

    internal SectionSpec Root { get; } = SpecReader.Section(typeof(Scenario), "", "a FedSim scenario");

    /// <summary>Reads scenario YAML plus <c>key.path=value</c> overrides into a validated scenario, with notices (deprecated keys).</summary>
    public ScenarioLoad Load(string yaml, string source, IEnumerable<string>? overrides = null) =>
        ScenarioLoader.Load(this, yaml, source, overrides ?? []);

    /// <summary>The scenario as YAML with every key resolved, so a run folder says exactly what ran.</summary>
    public string ToYaml(Scenario scenario) => ScenarioWriter.ToYaml(this, scenario);

    /// <summary>The registry of the components a choice picks from.</summary>
    internal Registry Components(ChoiceSpec choice) => Catalog[choice.Kind];

    /// <summary>The choices of a section whose components keep their options under their own names.</summary>
    internal static IEnumerable<ChoiceSpec> NamedChoices(SectionSpec section) =>
        section.Children.OfType<ChoiceSpec>().Where(c => c.Layout == ChoiceLayout.Named);

    /// <summary>
    /// The components an inline choice may pick that have a setting <paramref name="key"/> (an option, or an inline
    /// choice of their own), with that setting: <c>compression.uplink.fraction</c> is top-k's.
    /// </summary>
    internal IReadOnlyList<(ComponentInfo Component, SettingSpec Setting)> InlineOptions(ChoiceSpec inline, string key) =>
        Components(inline).All.Select(c => (c, c.Options.Find(key))).Where(x => x.Item2 is OptionSpec or ChoiceSpec).Select(x => (x.c, x.Item2!)).ToList();

    /// <summary>Every place a scenario chooses a component of <paramref name="kind"/>.</summary>
    internal IReadOnlyList<ChoiceSite> SitesOf(ComponentKind kind) => Sites(Root, "").Where(s => s.Choice.Kind == kind).ToList();

    private static IEnumerable<ChoiceSite> Sites(SectionSpec section, string prefix)
    {
        foreach (var child in section.Children)
        {
            if (child is ChoiceSpec choice) yield return new ChoiceSite(prefix + child.Key, choice);
            else if (child is SectionSpec nested)
                foreach (var site in Sites(nested, prefix + child.Key + ".")) yield return site;
        }
    }

    /// <summary>What a dotted path names, or null when no key of the schema has that path.</summary>
    internal ScenarioPath? Resolve(string path) => ScenarioPath.Resolve(this, path);
}
