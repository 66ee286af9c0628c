using System.Collections.Immutable;
using System.Globalization;

namespace FedSim.Core.Components;

/// <summary>An option holding a list of numbers (<c>[0.5, 0.7, 0.8]</c>); equal when the numbers are.</summary>
public sealed record NumberList(ImmutableArray<double> Values)
{
    public NumberList(params double[] values)
        : this(values.ToImmutableArray())
    {
    }

    public bool Equals(NumberList? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(0, (h, v) => HashCode.Combine(h, v));

    public override string ToString() => string.Join(", ", Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
