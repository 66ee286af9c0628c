using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>Encoding and decoding whole tensors in memory, for senders that need what the receiver will see.</summary>
public static class CodecRuns
{
    /// <summary>What a receiver decodes from <paramref name="encoded"/> (a tensor of <paramref name="elements"/> values).</summary>
    public static float[] Decode(ITensorCodec codec, EncodedTensor encoded, int elements)
    {
        var decoder = codec.Decoder(encoded.Encoding, elements);
        if (decoder.Buffer.Length != encoded.Data.Length)
            throw new InvalidDataException($"{encoded.Encoding.Codec} decodes {elements} values from {decoder.Buffer.Length} bytes, got {encoded.Data.Length}");
        encoded.Data.Span.CopyTo(decoder.Buffer.Span);
        return decoder.Complete();
    }

    /// <summary>Values as a one-dimensional tensor (for codecs that encode part of a tensor with another codec).</summary>
    public static NamedTensor Values(string name, float[] values) => new(name, [values.Length], values);
}
