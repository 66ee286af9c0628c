using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// Encodes a weight set for one direction of a link. A lossless codec sends the values as they are. A lossy one sends
/// the difference to <c>reference</c>, the weights the receiver holds (the global model a party trained from), and
/// marks it relative; with error feedback it first adds the sender's residual and keeps what the codec did not deliver.
/// </summary>
public static class WeightsEncoding
{
    public static IReadOnlyList<EncodedTensor> Encode(ModelWeights weights, ITensorCodec codec, string group, Random rng,
        ModelWeights? reference = null, Residuals? residuals = null)
    {
        if (codec.Lossless) return weights.Tensors.Select(t => codec.Encode(t, rng)).ToArray();
        reference?.EnsureSameLayout(weights, $"{group} reference");
        var encoded = new EncodedTensor[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var t = weights[i];
            var values = (float[])t.Data.Clone();
            if (reference is not null)
                System.Numerics.Tensors.TensorPrimitives.Subtract(values, reference[i].Span, values);
            var key = $"{group}/{t.Name}";
            var feedback = codec.ErrorFeedback && residuals is not null;
            if (feedback && residuals!.Of(key) is { } residual)
                System.Numerics.Tensors.TensorPrimitives.Add(values, residual, values);
            var e = codec.Encode(new NamedTensor(t.Name, t.Shape, values), rng);
            encoded[i] = reference is null ? e : e with { Encoding = e.Encoding with { Relative = true } };
            if (feedback)
            {
                var delivered = CodecRuns.Decode(codec, e, values.Length);
                System.Numerics.Tensors.TensorPrimitives.Subtract(values, delivered, values);
                residuals!.Set(key, values);
            }
        }
        return encoded;
    }
}
