using FedSim.Core.Codecs;
using FedSim.Core.Weights;
using FedSim.Protos.V1;

namespace FedSim.Protos.Conversion;

/// <summary>
/// Rebuilds tensor groups from specs and <see cref="TensorChunk"/> messages through each tensor's codec, checking that
/// every chunk lands inside its tensor's encoded bytes, in order, and that every tensor is complete.
/// </summary>
public sealed class TensorAssembler
{
    private readonly TensorSpec[] _specs;
    private readonly ITensorDecoder[] _decoders;
    private readonly long[] _filled;

    public TensorAssembler(IEnumerable<TensorSpec> specs, LinkCodec codecs, long maxElements = 1L << 31)
    {
        _specs = specs.ToArray();
        _decoders = new ITensorDecoder[_specs.Length];
        _filled = new long[_specs.Length];
        long total = 0;
        for (var i = 0; i < _specs.Length; i++)
        {
            var spec = _specs[i];
            long? n;
            try
            {
                n = ShapeMath.ElementCount(spec.Shape, Math.Min(Array.MaxLength, maxElements));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"tensor '{spec.Name}': {e.Message}", e);
            }
            if (n is null || (total += n.Value) > maxElements)
                throw new InvalidDataException($"tensor '{spec.Name}': shape [{string.Join(",", spec.Shape)}] exceeds the limit of {maxElements} elements");
            _decoders[i] = Decoder(spec, (int)n.Value, codecs);
        }
    }

    private static ITensorDecoder Decoder(TensorSpec spec, int elements, LinkCodec codecs)
    {
        var encoding = spec.Encoding is { } e ? FromMessage(e) : new Core.Codecs.TensorEncoding("fp32", (long)elements * sizeof(float));
        var decoder = codecs.For(encoding.Codec).Decoder(encoding, elements);
        if (decoder.Buffer.Length != encoding.Bytes)
            throw new InvalidDataException($"tensor '{spec.Name}': {encoding.Codec} encodes {elements} values in {decoder.Buffer.Length} bytes, the sender announced {encoding.Bytes}");
        return decoder;
    }

    private static Core.Codecs.TensorEncoding FromMessage(V1.TensorEncoding e) =>
        new(e.Codec, e.Bytes) { Parameters = e.Params.ToDictionary(), Relative = e.Relative, Inner = e.Inner is { } inner ? FromMessage(inner) : null };

    public void Add(TensorChunk chunk)
    {
        if ((uint)chunk.TensorIndex >= (uint)_specs.Length)
            throw new InvalidDataException($"chunk for tensor {chunk.TensorIndex}, but only {_specs.Length} tensors were announced");
        var target = _decoders[chunk.TensorIndex].Buffer;
        var count = chunk.Data.Length;
        if (chunk.Offset != _filled[chunk.TensorIndex] || chunk.Offset + count > target.Length)
            throw new InvalidDataException(
                $"chunk for tensor '{_specs[chunk.TensorIndex].Name}' at byte {chunk.Offset} (+{count}) does not continue at {_filled[chunk.TensorIndex]} of {target.Length}");
        chunk.Data.Span.CopyTo(target.Span.Slice((int)chunk.Offset, count));
        _filled[chunk.TensorIndex] += count;
    }

    /// <summary>
    /// The assembled groups by name, in spec order. Throws if any tensor is incomplete. A tensor encoded relative to a
    /// reference gets the reference's tensor of the same name added (<paramref name="reference"/> gives the weights
    /// the receiver holds for a group, e.g. the global model a party's update was computed against).
    /// </summary>
    public IReadOnlyDictionary<string, ModelWeights> Complete(Func<string, ModelWeights?>? reference = null)
    {
        for (var i = 0; i < _specs.Length; i++)
            if (_filled[i] != _decoders[i].Buffer.Length)
                throw new InvalidDataException($"tensor '{_specs[i].Name}' incomplete: {_filled[i]} of {_decoders[i].Buffer.Length} bytes arrived");
        return _specs.Select((s, i) => (s.Group, Tensor: new NamedTensor(s.Name, s.Shape.ToArray(), Values(i, reference))))
            .GroupBy(x => x.Group)
            .ToDictionary(g => g.Key, g => new ModelWeights(g.Select(x => x.Tensor)));
    }

    private float[] Values(int i, Func<string, ModelWeights?>? reference)
    {
        var values = _decoders[i].Complete();
        if (_specs[i].Encoding is not { Relative: true }) return values;
        var spec = _specs[i];
        var against = reference?.Invoke(spec.Group)?.Tensors.FirstOrDefault(t => t.Name == spec.Name)
            ?? throw new InvalidDataException($"tensor '{spec.Name}' of '{spec.Group}' is relative, but there is nothing it is relative to");
        if (against.Length != values.Length) throw new InvalidDataException($"tensor '{spec.Name}': {values.Length} values relative to {against.Length}");
        System.Numerics.Tensors.TensorPrimitives.Add(values, against.Span, values);
        return values;
    }
}
