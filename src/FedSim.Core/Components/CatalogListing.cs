using System.Text;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Components;

/// <summary>
/// What <c>fedsim list</c> prints: every registered component of a kind with its summary, reference and options
/// (scenario key, default, allowed values, help), all read from the registry and the scenario schema.
/// </summary>
public static class CatalogListing
{
    public static string Render(ScenarioSchema schema, ComponentKind? only = null)
    {
        var sb = new StringBuilder();
        foreach (var kind in ComponentKinds.All.Where(k => only is null || k == only))
        {
            if (sb.Length > 0) sb.Append('\n');
            Kind(sb, schema, kind);
        }
        return sb.ToString();
    }

    private static void Kind(StringBuilder sb, ScenarioSchema schema, ComponentKind kind)
    {
        var sites = schema.SitesOf(kind);
        var site = sites.Count > 0 ? sites[0] : null;
        var where = string.Join(" or ", sites.Select(s => s.Choice.Layout == ChoiceLayout.Named ? s.Path : $"{s.Path} ({s.Choice.Selector})"));
        sb.Append(ComponentKinds.Plural(kind)).Append(" (chosen by ").Append(where).Append("):\n");
        var registry = schema.Catalog[kind];
        var width = registry.Names.DefaultIfEmpty("").Max(n => n.Length) + 2;
        foreach (var c in registry.All)
        {
            sb.Append("  ").Append(c.Name.PadRight(width)).Append(c.Summary);
            if (site?.Choice.DefaultName == c.Name) sb.Append(" [default]");
            sb.Append('\n');
            var indent = new string(' ', width + 2);
            if (c.Reference is { } reference) sb.Append(indent).Append(reference).Append('\n');
            var options = Flatten(c.Options, "").ToList();
            if (options.Count == 0) sb.Append(indent).Append("no options\n");
            foreach (var (name, o) in options)
            {
                // Chosen in one place: the option's full scenario key; in several (every device setting), its name.
                var key = sites.Count == 1 ? site!.OptionPath(c.Name, name) : name;
                var (value, describe) = o is OptionSpec option
                    ? (OptionSpec.Format(option.Default) ?? "null", option.Describe())
                    : (((ChoiceSpec)o).DefaultName, $"a {OptionNames.Kebab(((ChoiceSpec)o).Kind.ToString())}: a name or {{{((ChoiceSpec)o).Selector}: NAME, ...}}");
                sb.Append(indent).Append(key).Append(": ").Append(value)
                    .Append("  (").Append(describe).Append(")  ").Append(o.Help).Append('\n');
            }
        }
    }

    /// <summary>A component's settings with their keys relative to it, nested sections' own as <c>staleness.a</c>.</summary>
    private static IEnumerable<(string Key, SettingSpec Setting)> Flatten(SectionSpec section, string prefix) =>
        section.Children.SelectMany(c => c is SectionSpec nested
            ? Flatten(nested, $"{prefix}{c.Key}.")
            : c is OptionSpec or ChoiceSpec ? [($"{prefix}{c.Key}", c)] : Enumerable.Empty<(string, SettingSpec)>());
}
