using FedSim.Core.Codecs;
using FedSim.Core.Components;

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

    public EncodedWeights Encode(Core.Weights.ModelWeights weights) => EncodedWeights.Encode(weights, codec);

    /// <summary>The codec a scenario's <c>compression.uplink</c> or <c>compression.downlink</c> chooses.</summary>
    public static LinkCodec Of(ComponentChoice choice, string direction) =>
        new(choice.Name, choice.Resolve<ICodecComponent>().Create(choice.Options), direction);
}
