using FedSim.Core.Weights;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Weights;

public sealed class WeightMathTests
{
    // Treated as the flat vectors [1, 2, 3] and [4, 5, 6].
    private static readonly ModelWeights A = WeightSet(("x", [1f, 2f]), ("y", [3f]));
    private static readonly ModelWeights B = WeightSet(("x", [4f, 5f]), ("y", [6f]));

    [Fact]
    public void Dot_runs_over_all_tensors()
    {
        // 1*4 + 2*5 + 3*6 = 32.
        Assert.Equal(32.0, WeightMath.Dot(A, B), 6);
    }

    [Fact]
    public void L2_norm_runs_over_all_tensors()
    {
        // sqrt(1 + 4 + 9) = sqrt(14); sqrt(9 + 16) = 5.
        Assert.Equal(Math.Sqrt(14), WeightMath.L2Norm(A), 6);
        Assert.Equal(5.0, WeightMath.L2Norm(WeightSet(("x", [3f]), ("y", [4f]))), 6);
    }

    [Fact]
    public void Cosine_is_hand_computed_and_bounded_by_one()
    {
        // 32 / (sqrt(14) * sqrt(77)) = 32 / sqrt(1078).
        Assert.Equal(32 / Math.Sqrt(1078), WeightMath.Cosine(A, B), 6);
        Assert.Equal(1.0, WeightMath.Cosine(A, A), 6);
        Assert.Equal(-1.0, WeightMath.Cosine(A, WeightSet(("x", [-2f, -4f]), ("y", [-6f]))), 6);
        Assert.Equal(0.0, WeightMath.Cosine(WeightSet(("x", [1f, 0f])), WeightSet(("x", [0f, 3f]))), 6);
    }

    [Fact]
    public void Cosine_with_a_zero_vector_is_zero()
    {
        var zero = A.ZerosLike();

        Assert.Equal(0.0, WeightMath.Cosine(A, zero));
        Assert.Equal(0.0, WeightMath.Cosine(zero, A));
        Assert.Equal(0.0, WeightMath.Cosine(zero, zero));
    }

    [Fact]
    public void Dot_rejects_another_layout()
    {
        var e = Assert.Throws<InvalidDataException>(() => WeightMath.Dot(A, WeightSet(("x", [1f, 2f]), ("z", [3f]))));

        Assert.StartsWith("dot:", e.Message);
    }
}
