using FedSim.Core.Weights;

namespace FedSim.Protos.Conversion;

/// <summary>A named group of tensors that travels in one stream: "model" or an algorithm payload, encoded for the wire.</summary>
public sealed record TensorGroup(string Name, EncodedWeights Tensors)
{
    public const string Model = "model";

    /// <summary>The groups a stream carries: the model as already encoded, then the payloads in name order, each encoded by <paramref name="encode"/>.</summary>
    public static List<TensorGroup> Of(EncodedWeights model, IReadOnlyDictionary<string, ModelWeights> payloads, Func<ModelWeights, EncodedWeights> encode) =>
        [new(Model, model), .. payloads.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new TensorGroup(p.Key, encode(p.Value)))];

    /// <summary>The received groups other than the model.</summary>
    public static Dictionary<string, ModelWeights> PayloadsOf(IReadOnlyDictionary<string, ModelWeights> groups) =>
        groups.Where(g => g.Key != Model).ToDictionary(g => g.Key, g => g.Value);
}
