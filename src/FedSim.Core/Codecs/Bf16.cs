using System.Buffers.Binary;
using FedSim.Core.Components;
using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// bfloat16: float32's sign, exponent and top 7 mantissa bits, 2 bytes a value, rounded to nearest even. float32's whole
/// range, relative error at most 2^-8 per value. Lossy, so an uplink sends updates.
/// </summary>
[Component("bf16", "bfloat16 values, 2 bytes each: float32's range, relative error <= 2^-8 (rounded to nearest even)")]
internal sealed class Bf16 : Codec<NoOptions>, ITensorCodec
{
    protected override ITensorCodec Create(NoOptions options) => this;

    public bool Lossless => false;

    public bool ErrorFeedback => false;

    public EncodedTensor Encode(NamedTensor tensor, Random rng)
    {
        var bytes = new byte[tensor.Length * 2];
        for (var i = 0; i < tensor.Length; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), ToBf16(tensor.Data[i]));
        return new EncodedTensor(new TensorEncoding("bf16", bytes.Length), bytes);
    }

    public ITensorDecoder Decoder(TensorEncoding encoding, int elements) => new Decoding(elements);

    private static ushort ToBf16(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value)) return (ushort)(bits >> 16 | 0x40);
        var roundingBias = 0x7FFFu + (bits >> 16 & 1);
        return (ushort)((bits + roundingBias) >> 16);
    }

    private sealed class Decoding(int elements) : ITensorDecoder
    {
        private readonly byte[] _bytes = new byte[elements * 2];

        public Memory<byte> Buffer => _bytes;

        public float[] Complete()
        {
            var values = new float[elements];
            for (var i = 0; i < values.Length; i++)
                values[i] = BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(2 * i)) << 16);
            return values;
        }
    }
}
