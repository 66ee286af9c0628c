using MathNet.Numerics.Distributions;

namespace FedSim.Core.Partitioning;

/// <summary>Symmetric Dirichlet draws from normalised Gamma(beta, 1) samples.</summary>
internal static class DirichletDraw
{
    public static double[] Sample(double beta, int dimensions, Random rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        var p = new double[dimensions];
        while (true)
        {
            double sum = 0;
            for (var i = 0; i < dimensions; i++) sum += p[i] = Gamma.Sample(rng, beta, 1.0);
            // With a very small beta every gamma draw can underflow to zero; draw again.
            if (sum > 0 && double.IsFinite(sum))
            {
                for (var i = 0; i < dimensions; i++) p[i] /= sum;
                return p;
            }
        }
    }
}
