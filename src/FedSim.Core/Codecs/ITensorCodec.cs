using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// Encodes one tensor's values for the wire and decodes them again. Pure: bytes in, bytes out. A decoder needs only
/// the tensor's <see cref="TensorEncoding"/> (what the encoder wrote beside the bytes) and the scenario's codec, never
/// anything the sender kept.
/// </summary>
public interface ITensorCodec
{
    /// <summary>
    /// Whether every value arrives exactly. A lossless codec sends a model as it is; a lossy one sends the update, the
    /// difference to what the receiver already holds, so its error falls on the update and not on the whole model.
    /// </summary>
    bool Lossless { get; }

    /// <summary>Whether each sender keeps what the codec did not deliver (its residual) and adds it to its next update.</summary>
    bool ErrorFeedback { get; }

    /// <summary>The tensor's encoding; <paramref name="rng"/> is the sender's seeded stream for the round (stochastic rounding draws from it).</summary>
    EncodedTensor Encode(NamedTensor tensor, Random rng);

    /// <summary>A decoder for a tensor of <paramref name="elements"/> values sent with <paramref name="encoding"/>.</summary>
    ITensorDecoder Decoder(TensorEncoding encoding, int elements);
}
