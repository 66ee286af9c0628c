using FedSim.Core.Components;
using FedSim.Core.LocalTraining;

namespace FedSim.Core.Partitioning;

/// <summary>The <c>feature-noise</c> partitioner's options.</summary>
public sealed record FeatureNoiseOptions
{
    [Option("noise standard deviation of the last party (party i gets sigma * i / (parties - 1))", Min = 0)]
    public double NoiseSigma { get; init; } = 0.1;
}

/// <summary>
/// Noise-based feature skew ("x~Gau(sigma)"). The split itself is the IID <c>homo</c> split (same dataidxs for the same
/// generator); party i's inputs get fresh Gaussian noise every time they are read. FedSim follows NIID-Bench's code, not
/// its paper text: the noise has standard deviation (not variance) <c>sigma * i / (parties - 1)</c>, so party 0 is clean
/// and the last party gets the full sigma. The test set stays clean.
/// </summary>
[Component("feature-noise", "noise-based feature skew x~Gau(sigma): an IID split, then party i's inputs get Gaussian noise of std sigma * i / (parties - 1)")]
internal sealed class FeatureNoise : Partitioner<FeatureNoiseOptions>
{
    public static double StdFor(int party, int parties, double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(party);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(party, parties);
        return parties == 1 ? 0 : sigma * party / (parties - 1);
    }

    protected override IPartitioner Create(FeatureNoiseOptions options, IReadOnlyList<int>? groups) => new HomoPartitioner();

    protected override IReadOnlyList<InputTransform> Transforms(FeatureNoiseOptions options, int party, int parties) =>
        [new GaussianNoise(StdFor(party, parties, options.NoiseSigma))];
}
