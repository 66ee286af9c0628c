using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// Encodes one tensor's values for the wire and decodes them again. Pure: bytes in, bytes out. A decoder needs only
/// the tensor's <see cref="TensorEncoding"/> (what the encoder wrote beside the bytes), never the sender's options.
/// </summary>
public interface ITensorCodec
{
    EncodedTensor Encode(NamedTensor tensor);

    /// <summary>A decoder for a tensor of <paramref name="elements"/> values sent with <paramref name="encoding"/>.</summary>
    ITensorDecoder Decoder(TensorEncoding encoding, int elements);
}
