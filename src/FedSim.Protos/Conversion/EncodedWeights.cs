using FedSim.Core.Codecs;
using FedSim.Core.Weights;

namespace FedSim.Protos.Conversion;

/// <summary>A weight set with each tensor encoded by one codec, ready to be cut into chunks (and to be sent to many parties).</summary>
public sealed class EncodedWeights
{
    internal EncodedWeights(ModelWeights weights, IReadOnlyList<EncodedTensor> tensors)
    {
        Weights = weights;
        Tensors = tensors;
    }

    public ModelWeights Weights { get; }

    /// <summary>One encoded tensor per tensor of <see cref="Weights"/>, in order.</summary>
    public IReadOnlyList<EncodedTensor> Tensors { get; }

    public long Bytes => Tensors.Sum(t => t.Encoding.Bytes);

    /// <summary>What a receiver decodes: the values, or the differences for tensors encoded relative to a reference.</summary>
    public ModelWeights Decode(ITensorCodec codec) =>
        new(Weights.Tensors.Select((t, i) => new NamedTensor(t.Name, t.Shape, CodecRuns.Decode(codec, Tensors[i], t.Length))));
}
