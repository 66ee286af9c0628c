using FedSim.Core.Codecs;
using FedSim.Core.Components;
using FedSim.Core.Weights;

namespace FedSim.Protos.Conversion;

/// <summary>
/// The codec of one direction of a run (uplink or downlink): what the sender encodes with, and the only encoding the
/// receiver accepts. A tensor encoded with another codec is refused as invalid, naming both.
/// </summary>
public sealed class LinkCodec(string name, ITensorCodec codec, string direction)
{
    public string Name => name;

    public ITensorCodec Codec => codec;

    /// <summary>The codec to decode a tensor with, given the name its encoding carries.</summary>
    public ITensorCodec For(string encodedWith) =>
        encodedWith == name ? codec : throw new InvalidDataException($"tensor encoded with '{encodedWith}', but this run's {direction} codec is '{name}'");

    /// <summary>A weight set as its values (a lossy codec included: the downlink's global model).</summary>
    public EncodedWeights Encode(ModelWeights weights, Random rng) =>
        new(weights, WeightsEncoding.Encode(weights, codec, TensorGroup.Model, rng));

    /// <summary>
    /// A group as a party sends it: with a lossy codec, the model as its update against <paramref name="reference"/>
    /// (what the party trained from) and, when the codec asks for it, with the party's error feedback.
    /// </summary>
    public EncodedWeights Encode(ModelWeights weights, string group, Random rng, ModelWeights? reference, Residuals? residuals) =>
        new(weights, WeightsEncoding.Encode(weights, codec, group, rng, reference, residuals));

    /// <summary>The codec a scenario's <c>compression.uplink</c> or <c>compression.downlink</c> chooses.</summary>
    public static LinkCodec Of(ComponentChoice choice, string direction) =>
        new(choice.Name, choice.Resolve<ICodecComponent>().Create(choice.Options), direction);
}
