using FedSim.Core.Scenarios;

namespace FedSim.Core.Sweeps;

/// <summary>
/// What an axis or <c>set</c> key of a sweep names: a short name (<c>algorithm</c>, <c>partition</c>, <c>seed</c>), any
/// scenario key (<c>training.lr</c>, <c>federation.fedprox.mu</c>), or a bare option name of the chosen algorithm or
/// partitioner (<c>mu</c>, <c>beta</c>), which each cell applies to the component it uses.
/// </summary>
internal static class SweepKeys
{
    public const string Algorithm = "federation.algorithm";
    public const string Partition = "partition.strategy";
    public const string Seed = "seed";

    private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["algorithm"] = Algorithm,
        ["partition"] = Partition,
    };

    /// <summary>The scenario path a key names, or null when it names none.</summary>
    public static string? Resolve(ScenarioSchema schema, string key)
    {
        if (Aliases.TryGetValue(key, out var path)) return path;
        if (schema.Resolve(key) is { Setting: not Components.SectionSpec }) return key;
        if (key.Contains('.')) return null;
        // A bare option name: the one section whose chosen component may have it (mu -> federation.mu, beta -> partition.beta).
        var owners = schema.Root.Children.OfType<Components.SectionSpec>()
            .Select(s => $"{s.Key}.{key}").Where(p => schema.Resolve(p) is { IsFlat: true }).ToList();
        return owners.Count == 1 ? owners[0] : null;
    }

    public static string Describe() =>
        "algorithm, partition, seed, an option of the chosen algorithm or partitioner (e.g. mu, beta), or any scenario key such as training.lr";
}
