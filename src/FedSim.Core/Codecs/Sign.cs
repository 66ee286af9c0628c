using FedSim.Core.Components;
using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// Scaled sign compression: 1 bit a value (set for values >= 0) and one scale per tensor, the mean magnitude
/// <c>||x||_1 / n</c>; each value arrives as <c>+-scale</c>. With error feedback (the default) what it did not deliver
/// is added to the party's next update (EF-signSGD).
/// </summary>
[Component("sign", "1 bit a value (its sign) times one scale per tensor (the mean |x|); error feedback by default",
    Reference = "Karimireddy et al., Error Feedback Fixes SignSGD and other Gradient Compression Schemes, ICML 2019")]
internal sealed class Sign : Codec<SignOptions>
{
    protected override ITensorCodec Create(SignOptions options) => new Coder(options.ErrorFeedback);

    /// <summary>On a downlink, signs alone would replace the global model: refused there.</summary>
    public override bool UpdatesOnly => true;

    private sealed class Coder(bool errorFeedback) : ITensorCodec
    {
        public bool Lossless => false;

        public bool ErrorFeedback => errorFeedback;

        public EncodedTensor Encode(NamedTensor tensor, Random rng)
        {
            var scale = tensor.Length == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.SumOfMagnitudes(tensor.Span) / tensor.Length;
            var bits = tensor.Data.Select(v => v >= 0 ? 1u : 0u).ToArray();
            var data = new byte[BitPacking.Bytes(bits.Length, 1)];
            BitPacking.Pack(bits, 1, data);
            return new EncodedTensor(new TensorEncoding("sign", data.Length) { Parameters = new Dictionary<string, double> { ["scale"] = scale } }, data);
        }

        public ITensorDecoder Decoder(TensorEncoding encoding, int elements) => new Decoding(encoding, elements);

        private sealed class Decoding(TensorEncoding encoding, int elements) : ITensorDecoder
        {
            private readonly byte[] _bytes = new byte[BitPacking.Bytes(elements, 1)];

            public Memory<byte> Buffer => _bytes;

            public float[] Complete()
            {
                var scale = (float)encoding.Parameter("scale");
                var bits = new uint[elements];
                BitPacking.Unpack(_bytes, 1, bits);
                return bits.Select(b => b == 1 ? scale : -scale).ToArray();
            }
        }
    }
}
