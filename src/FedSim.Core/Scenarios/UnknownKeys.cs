using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The message for a key the schema does not know: the keys known where it stands, and the likeliest one meant.</summary>
internal static class UnknownKeys
{
    public static string Message(ScenarioSchema schema, string path)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot < 0 ? "" : path[..dot];
        var key = path[(dot + 1)..];
        var known = KnownUnder(schema, parent);
        var suggestion = Closest(key, known.Keys.Concat(known.Components));
        var text = known.Keys.Count == 0 && known.Components.Count == 0
            ? "unknown key"
            : $"unknown key (known{(dot < 0 ? "" : " under " + parent)}: {string.Join(", ", known.Keys)}" +
              (known.Components.Count == 0 ? "" : $"; and a {known.ChoiceKey}'s options under its name: {string.Join(", ", known.Components)}") + ")";
        return suggestion is null ? text : $"{text}; did you mean '{suggestion}'?";
    }

    /// <summary>The keys of the mapping at <paramref name="parent"/>, and the component names that may hold options there.</summary>
    public static (IReadOnlyList<string> Keys, IReadOnlyList<string> Components, string? ChoiceKey) KnownUnder(ScenarioSchema schema, string parent)
    {
        var at = parent.Length == 0 ? schema.Root : schema.Resolve(parent)?.Setting;
        if (at is not SectionSpec section) return ([], [], null);
        var named = ScenarioSchema.NamedChoices(section).FirstOrDefault();
        return (section.Keys.ToList(), named is null ? [] : schema.Components(named).Names.ToList(), named?.Key);
    }

    /// <summary>The candidate within two edits of <paramref name="key"/>, if exactly one is closest.</summary>
    public static string? Closest(string key, IEnumerable<string> candidates)
    {
        var scored = candidates.Distinct().Select(c => (c, d: Distance(key, c))).Where(x => x.d <= Math.Min(2, Math.Max(1, key.Length / 3))).ToList();
        if (scored.Count == 0) return null;
        var best = scored.Min(x => x.d);
        var top = scored.Where(x => x.d == best).ToList();
        return top.Count == 1 ? top[0].c : null;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
