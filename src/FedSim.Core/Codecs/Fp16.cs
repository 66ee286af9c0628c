using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using FedSim.Core.Components;
using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// IEEE half precision, 2 bytes a value: relative error at most 2^-11 per value in the normal range (|x| from 6.1e-5
/// to 65504), values below that lose relative precision (subnormals) and values beyond become infinite, which the
/// coordinator refuses as it does any non-finite update.
/// </summary>
[Component("fp16", "IEEE float16 values, 2 bytes each (relative error <= 2^-11 in the normal range)")]
internal sealed class Fp16 : Codec<NoOptions>, ITensorCodec
{
    public const string Name = "fp16";

    protected override ITensorCodec Create(NoOptions options) => this;

    public bool Lossless => false;

    public bool ErrorFeedback => false;

    public EncodedTensor Encode(NamedTensor tensor, Random rng)
    {
        var bytes = new byte[tensor.Length * 2];
        TensorPrimitives.ConvertToHalf(tensor.Span, MemoryMarshal.Cast<byte, Half>(bytes.AsSpan()));
        return new EncodedTensor(new TensorEncoding(Name, bytes.Length), bytes);
    }

    public ITensorDecoder Decoder(TensorEncoding encoding, int elements) => new Decoding(elements);

    private sealed class Decoding(int elements) : ITensorDecoder
    {
        private readonly byte[] _bytes = new byte[elements * 2];

        public Memory<byte> Buffer => _bytes;

        public float[] Complete()
        {
            var values = new float[elements];
            TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(_bytes.AsSpan()), values);
            return values;
        }
    }
}
