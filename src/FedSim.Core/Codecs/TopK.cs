using FedSim.Core.Components;
using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// Top-k sparsification: of each tensor, the <c>k = max(1, ceil(fraction * n))</c> values largest in magnitude (ties
/// to the lower index), their positions as LEB128 varint gaps or as a bitmap (whichever is smaller), their values in
/// the <c>then</c> codec (an inner encoding). What is not sent waits in the party's residual (error feedback, on by default).
/// </summary>
[Component("topk", "the fraction of values largest in magnitude, positions as varint gaps or a bitmap, values in another codec; error feedback by default",
    Reference = "Stich et al., Sparsified SGD with Memory, NeurIPS 2018; Aji & Heafield, Sparse Communication for Distributed Gradient Descent, EMNLP 2017")]
internal sealed class TopK : Codec<TopKOptions>
{
    /// <summary>On a downlink, k values alone would replace the global model: refused there.</summary>
    public override bool UpdatesOnly => true;

    protected override IEnumerable<(string Key, string Message)> Check(TopKOptions options)
    {
        if (options.Then.Component?.As<ICodecComponent>() is { UpdatesOnly: true })
            return [("then", $"'{options.Then.Name}' cannot encode top-k's values (it is for whole updates); choose a codec that sends every value")];
        return [];
    }

    protected override ITensorCodec Create(TopKOptions options)
    {
        var then = options.Then.Component is { } c ? c.As<ICodecComponent>().Create(options.Then.Options)
            : options.Then.Name == Fp32.Name ? new Fp32().Create(null)
            : throw new InvalidOperationException($"topk.then '{options.Then.Name}' was not resolved against a catalog");
        return new Coder(options.Fraction, options.Then.Name, then, options.ErrorFeedback);
    }

    private sealed class Coder(double fraction, string thenName, ITensorCodec then, bool errorFeedback) : ITensorCodec
    {
        public string ThenName => thenName;

        public ITensorCodec Then => then;

        public bool Lossless => false;

        public bool ErrorFeedback => errorFeedback;

        public EncodedTensor Encode(NamedTensor tensor, Random rng)
        {
            var n = tensor.Length;
            var k = n == 0 ? 0 : (int)Math.Clamp(Math.Ceiling(fraction * n), 1, n);
            var indices = SparseIndices.Largest(tensor.Span, k);
            var values = new float[k];
            for (var i = 0; i < k; i++) values[i] = tensor.Data[indices[i]];
            var inner = then.Encode(CodecRuns.Values(tensor.Name, values), rng);
            var (positions, bitmap) = SparseIndices.Encode(indices, n);
            var data = new byte[positions.Length + inner.Data.Length];
            positions.CopyTo(data, 0);
            inner.Data.Span.CopyTo(data.AsSpan(positions.Length));
            var parameters = new Dictionary<string, double> { ["k"] = k, ["index_bytes"] = positions.Length, ["bitmap"] = bitmap ? 1 : 0 };
            return new EncodedTensor(new TensorEncoding("topk", data.Length) { Parameters = parameters, Inner = inner.Encoding }, data);
        }

        public ITensorDecoder Decoder(TensorEncoding encoding, int elements) => new Decoding(this, encoding, elements);

        private sealed class Decoding : ITensorDecoder
        {
            private readonly TensorEncoding _encoding;
            private readonly int _elements;
            private readonly int _k;
            private readonly int _indexBytes;
            private readonly ITensorDecoder _values;
            private readonly byte[] _bytes;

            public Decoding(Coder coder, TensorEncoding encoding, int elements)
            {
                (_encoding, _elements) = (encoding, elements);
                _k = checked((int)encoding.Parameter("k"));
                _indexBytes = checked((int)encoding.Parameter("index_bytes"));
                var inner = encoding.Inner ?? throw new InvalidDataException("topk encoding without the encoding of its values");
                if (inner.Codec != coder.ThenName)
                    throw new InvalidDataException($"topk values encoded with '{inner.Codec}', but this run's topk sends them as '{coder.ThenName}'");
                if (_k < 0 || _k > elements || _indexBytes < 0 || _indexBytes + inner.Bytes != encoding.Bytes)
                    throw new InvalidDataException($"topk encoding of {elements} values with k = {_k}, {_indexBytes} index bytes and {inner.Bytes} value bytes does not add up to {encoding.Bytes} bytes");
                _values = coder.Then.Decoder(inner, _k);
                if (_values.Buffer.Length != inner.Bytes)
                    throw new InvalidDataException($"topk: {inner.Codec} encodes {_k} values in {_values.Buffer.Length} bytes, the sender announced {inner.Bytes}");
                _bytes = new byte[encoding.Bytes];
            }

            public Memory<byte> Buffer => _bytes;

            public float[] Complete()
            {
                var bitmap = _encoding.Parameter("bitmap") != 0;
                var indices = SparseIndices.Decode(_bytes.AsSpan(0, _indexBytes), bitmap, _k, _elements);
                _bytes.AsSpan(_indexBytes).CopyTo(_values.Buffer.Span);
                var values = _values.Complete();
                var result = new float[_elements];
                for (var i = 0; i < _k; i++) result[indices[i]] = values[i];
                return result;
            }
        }
    }
}
