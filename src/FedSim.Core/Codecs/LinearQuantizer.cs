using System.Buffers.Binary;
using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// Linear quantisation to <c>bits</c>-bit levels, per tensor or per channel, symmetric or asymmetric, rounding to
/// nearest (error at most half a step) or stochastically (unbiased, error below one step). Levels are packed tightly;
/// per-channel scales (and minima) travel as float32 values ahead of them, a tensor's as encoding parameters.
/// </summary>
internal sealed class LinearQuantizer(string name, int bits, LinearQuantizationOptions options) : ITensorCodec
{
    private readonly bool _symmetric = options.Scheme == QuantizationScheme.Symmetric;

    private int Bits => bits;

    public bool Lossless => false;

    public bool ErrorFeedback => false;

    private int MaxLevel => _symmetric ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;

    private int HeaderFloats => _symmetric ? 1 : 2;

    public EncodedTensor Encode(NamedTensor tensor, Random rng)
    {
        var channels = options.Granularity == QuantizationGranularity.Channel && tensor.Shape.Length >= 2 && tensor.Length > 0 ? (int)tensor.Shape[0] : 0;
        var blocks = Math.Max(1, channels);
        var header = channels * HeaderFloats * sizeof(float);
        var data = new byte[header + BitPacking.Bytes(tensor.Length, bits)];
        var levels = new uint[tensor.Length];
        var width = tensor.Length / blocks;
        var (scale, min) = (0f, 0f);
        for (var c = 0; c < blocks; c++)
        {
            var block = tensor.Span.Slice(c * width, width);
            (scale, min) = Range(block);
            Quantize(block, scale, min, levels.AsSpan(c * width, width), rng);
            if (channels == 0) continue;
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(c * HeaderFloats * 4), scale);
            if (!_symmetric) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(c * HeaderFloats * 4 + 4), min);
        }
        BitPacking.Pack(levels, bits, data.AsSpan(header));
        var parameters = channels > 0
            ? new Dictionary<string, double> { ["channels"] = channels }
            : _symmetric ? new Dictionary<string, double> { ["scale"] = scale } : new Dictionary<string, double> { ["scale"] = scale, ["min"] = min };
        return new EncodedTensor(new TensorEncoding(name, data.Length) { Parameters = parameters }, data);
    }

    /// <summary>The block's step and lowest value (a step of 1 for an all-constant block, which then sits on a level).</summary>
    private (float Scale, float Min) Range(ReadOnlySpan<float> block)
    {
        if (block.IsEmpty) return (1, 0);
        if (_symmetric)
        {
            var maxAbs = System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(block);
            var s = Math.Abs(maxAbs) / MaxLevel;
            return (s > 0 && float.IsFinite(s) ? s : 1, 0);
        }
        var (lo, hi) = (System.Numerics.Tensors.TensorPrimitives.Min(block), System.Numerics.Tensors.TensorPrimitives.Max(block));
        var step = (hi - lo) / MaxLevel;
        return (step > 0 && float.IsFinite(step) ? step : 1, lo);
    }

    private void Quantize(ReadOnlySpan<float> block, float scale, float min, Span<uint> levels, Random rng)
    {
        var offset = _symmetric ? MaxLevel : 0;
        var (lowest, highest) = _symmetric ? (-MaxLevel, MaxLevel) : (0, MaxLevel);
        for (var i = 0; i < block.Length; i++)
        {
            var y = ((double)block[i] - min) / scale;
            var level = options.Stochastic ? Math.Floor(y) + (rng.NextDouble() < y - Math.Floor(y) ? 1 : 0) : Math.Round(y, MidpointRounding.ToEven);
            levels[i] = (uint)(Math.Clamp((int)level, lowest, highest) + offset);
        }
    }

    public ITensorDecoder Decoder(TensorEncoding encoding, int elements) => new Decoding(this, encoding, elements);

    private sealed class Decoding : ITensorDecoder
    {
        private readonly LinearQuantizer _q;
        private readonly TensorEncoding _encoding;
        private readonly int _elements;
        private readonly int _channels;
        private readonly byte[] _bytes;

        public Decoding(LinearQuantizer q, TensorEncoding encoding, int elements)
        {
            (_q, _encoding, _elements) = (q, encoding, elements);
            _channels = encoding.Parameters.TryGetValue("channels", out var c) ? (int)c : 0;
            if (_channels < 0 || (_channels > 0 && elements % _channels != 0))
                throw new InvalidDataException($"{encoding.Codec}: {_channels} channels do not divide {elements} values");
            _bytes = new byte[_channels * q.HeaderFloats * 4 + BitPacking.Bytes(elements, q.Bits)];
        }

        public Memory<byte> Buffer => _bytes;

        public float[] Complete()
        {
            var header = _channels * _q.HeaderFloats * 4;
            var levels = new uint[_elements];
            BitPacking.Unpack(_bytes.AsSpan(header), _q.Bits, levels);
            var blocks = Math.Max(1, _channels);
            var width = _elements / blocks;
            var values = new float[_elements];
            var offset = _q._symmetric ? _q.MaxLevel : 0;
            for (var c = 0; c < blocks; c++)
            {
                var (scale, min) = _channels == 0
                    ? ((float)_encoding.Parameter("scale"), _q._symmetric ? 0f : (float)_encoding.Parameter("min"))
                    : (BinaryPrimitives.ReadSingleLittleEndian(_bytes.AsSpan(c * _q.HeaderFloats * 4)),
                        _q._symmetric ? 0f : BinaryPrimitives.ReadSingleLittleEndian(_bytes.AsSpan(c * _q.HeaderFloats * 4 + 4)));
                for (var i = c * width; i < (c + 1) * width; i++)
                    values[i] = (float)(((double)levels[i] - offset) * scale + min);
            }
            return values;
        }
    }
}
