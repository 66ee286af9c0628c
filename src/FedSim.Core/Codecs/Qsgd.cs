using FedSim.Core.Components;
using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>QSGD's options.</summary>
public sealed record QsgdOptions
{
    [Option("levels s per sign: every value becomes a multiple of norm / s", Min = 1, Max = 65_535)]
    public int Levels { get; init; } = 15;
}

/// <summary>
/// QSGD: with the tensor's L2 norm, each value becomes <c>sign * l * norm / s</c>, the level <c>l</c> rounded
/// stochastically from <c>|x| s / norm</c>, so the result is unbiased; a sign bit and <c>ceil(log2(s + 1))</c> level
/// bits a value, the norm as a parameter.
/// </summary>
[Component("qsgd", "QSGD: each value stochastically rounded to one of s levels of the tensor's L2 norm, plus a sign bit (unbiased)",
    Reference = "Alistarh et al., QSGD: Communication-Efficient SGD via Gradient Quantization and Encoding, NeurIPS 2017")]
internal sealed class Qsgd : Codec<QsgdOptions>
{
    protected override ITensorCodec Create(QsgdOptions options) => new Coder(options.Levels);

    private sealed class Coder(int levels) : ITensorCodec
    {
        private readonly int _levelBits = (int)Math.Ceiling(Math.Log2(levels + 1.0));

        public int Levels => levels;

        public int Bits => _levelBits + 1;

        public int LevelBits => _levelBits;

        public bool Lossless => false;

        public bool ErrorFeedback => false;

        public EncodedTensor Encode(NamedTensor tensor, Random rng)
        {
            var sum = 0.0;
            foreach (var v in tensor.Span) sum += (double)v * v;
            var norm = Math.Sqrt(sum);
            var packed = new uint[tensor.Length];
            for (var i = 0; i < packed.Length; i++)
            {
                var x = tensor.Data[i];
                var r = norm == 0 ? 0 : Math.Abs(x) / norm * levels;
                var level = (uint)Math.Min(levels, Math.Floor(r) + (rng.NextDouble() < r - Math.Floor(r) ? 1 : 0));
                packed[i] = (x < 0 ? 1u << _levelBits : 0) | level;
            }
            var data = new byte[BitPacking.Bytes(packed.Length, Bits)];
            BitPacking.Pack(packed, Bits, data);
            return new EncodedTensor(new TensorEncoding("qsgd", data.Length) { Parameters = new Dictionary<string, double> { ["norm"] = norm } }, data);
        }

        public ITensorDecoder Decoder(TensorEncoding encoding, int elements) => new Decoding(this, encoding, elements);

        private sealed class Decoding(Coder coder, TensorEncoding encoding, int elements) : ITensorDecoder
        {
            private readonly byte[] _bytes = new byte[BitPacking.Bytes(elements, coder.Bits)];

            public Memory<byte> Buffer => _bytes;

            public float[] Complete()
            {
                var norm = encoding.Parameter("norm");
                var packed = new uint[elements];
                BitPacking.Unpack(_bytes, coder.Bits, packed);
                var mask = (1u << coder.LevelBits) - 1;
                var step = norm / coder.Levels;
                var values = new float[elements];
                for (var i = 0; i < values.Length; i++)
                {
                    var level = (packed[i] & mask) > coder.Levels
                        ? throw new InvalidDataException($"qsgd: level {packed[i] & mask} above s = {coder.Levels}")
                        : packed[i] & mask;
                    values[i] = (float)((packed[i] >> coder.LevelBits == 1 ? -1 : 1) * level * step);
                }
                return values;
            }
        }
    }
}
