namespace FedSim.Core.Partitioning;

/// <summary>
/// Noise-based feature skew ("x~Gau(sigma)"). FedSim follows NIID-Bench's code, not its paper text: party i's inputs get
/// Gaussian noise with standard deviation (not variance) <c>sigma * i / (parties - 1)</c>, so party 0 is clean and the
/// last party gets the full sigma.
/// </summary>
public static class FeatureNoise
{
    public static double StdFor(int party, int parties, double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(party);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(party, parties);
        return parties == 1 ? 0 : sigma * party / (parties - 1);
    }
}
