namespace FedSim.Core.Partitioning;

/// <summary>
/// Feature-noise skew: the split itself is the IID <c>homo</c> split (same dataidxs for the same generator); the noise
/// (<see cref="FeatureNoise.StdFor"/>) is added to the inputs at training time.
/// </summary>
public sealed class FeatureNoisePartitioner(double sigma) : IPartitioner
{
    private readonly HomoPartitioner _homo = new();

    public double Sigma { get; } = sigma;

    public string Name => "feature-noise";

    public int[][] Split(IReadOnlyList<int> labels, int classes, int parties, Random rng) => _homo.Split(labels, classes, parties, rng);

    /// <summary>The noise standard deviation of one party.</summary>
    public double StdFor(int party, int parties) => FeatureNoise.StdFor(party, parties, Sigma);
}
