namespace FedSim.Core.Sweeps;

/// <summary>
/// One value of an axis: the scenario keys it sets (one for a plain value, several for a mapping such as
/// <c>{strategy: label-k, classes_per_party: 2}</c>), an explicit display label if given, and its slug for cell ids.
/// </summary>
public sealed record SweepAxisValue(IReadOnlyList<SweepSetting> Settings, string? Label, string Slug, int Line)
{
    /// <summary>The value of the axis key itself (e.g. the strategy of a partition row).</summary>
    public required string Primary { get; init; }

    /// <summary>What tables and results.csv show for this value.</summary>
    public string Display => Label ?? Primary;
}
