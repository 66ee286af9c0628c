namespace FedSim.Core.Sweeps;

/// <summary>Axis and set key aliases: short names for the scenario keys a comparison varies most.</summary>
public static class SweepKeys
{
    public const string Algorithm = "federation.algorithm";
    public const string Partition = "partition.strategy";
    public const string Seed = "seed";

    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["algorithm"] = Algorithm,
        ["partition"] = Partition,
        ["beta"] = "partition.beta",
        ["mu"] = "federation.mu",
    };

    /// <summary>The scenario key an axis or set key names, or null when it names none.</summary>
    public static string? Resolve(string key) =>
        Aliases.TryGetValue(key, out var path) ? path : Scenarios.ScenarioSchema.Find(key)?.Path;

    public static string Describe() =>
        string.Join(", ", Aliases.Select(a => $"{a.Key} ({a.Value})")) + ", or any scenario key such as training.lr";
}
