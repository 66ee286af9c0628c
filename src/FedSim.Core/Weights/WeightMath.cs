using System.Numerics.Tensors;

namespace FedSim.Core.Weights;

/// <summary>Vector arithmetic over whole weight sets, treated as one flat vector.</summary>
public static class WeightMath
{
    public static double Dot(ModelWeights a, ModelWeights b)
    {
        a.EnsureSameLayout(b, "dot");
        double sum = 0;
        for (var i = 0; i < a.Count; i++) sum += TensorPrimitives.Dot(a[i].Span, b[i].Span);
        return sum;
    }

    public static double L2Norm(ModelWeights a)
    {
        double sum = 0;
        foreach (var t in a.Tensors) sum += TensorPrimitives.Dot(t.Span, t.Span);
        return Math.Sqrt(sum);
    }

    /// <summary>Cosine similarity; 0 when either vector is zero.</summary>
    public static double Cosine(ModelWeights a, ModelWeights b)
    {
        var na = L2Norm(a);
        var nb = L2Norm(b);
        return na == 0 || nb == 0 ? 0 : Dot(a, b) / (na * nb);
    }
}
