using System.Runtime.InteropServices;
using FedSim.Core.Weights;
using FedSim.Protos.V1;

namespace FedSim.Protos.Conversion;

/// <summary>
/// Rebuilds tensor groups from specs and <see cref="TensorChunk"/> messages, checking that every chunk lands inside
/// its tensor, in order, and that every tensor is complete.
/// </summary>
public sealed class TensorAssembler
{
    private readonly TensorSpec[] _specs;
    private readonly float[][] _data;
    private readonly long[] _filled;

    public TensorAssembler(IEnumerable<TensorSpec> specs, long maxElements = 1L << 31)
    {
        _specs = specs.ToArray();
        _data = new float[_specs.Length][];
        _filled = new long[_specs.Length];
        long total = 0;
        for (var i = 0; i < _specs.Length; i++)
        {
            long? n;
            try
            {
                n = ShapeMath.ElementCount(_specs[i].Shape, Math.Min(Array.MaxLength, maxElements));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"tensor '{_specs[i].Name}': {e.Message}", e);
            }
            if (n is null || (total += n.Value) > maxElements)
                throw new InvalidDataException($"tensor '{_specs[i].Name}': shape [{string.Join(",", _specs[i].Shape)}] exceeds the limit of {maxElements} elements");
            _data[i] = new float[n.Value];
        }
    }

    public void Add(TensorChunk chunk)
    {
        if ((uint)chunk.TensorIndex >= (uint)_specs.Length)
            throw new InvalidDataException($"chunk for tensor {chunk.TensorIndex}, but only {_specs.Length} tensors were announced");
        var target = _data[chunk.TensorIndex];
        if (chunk.Data.Length % sizeof(float) != 0)
            throw new InvalidDataException($"chunk for tensor '{_specs[chunk.TensorIndex].Name}' holds {chunk.Data.Length} bytes, not whole float32 values");
        var count = chunk.Data.Length / sizeof(float);
        if (chunk.Offset != _filled[chunk.TensorIndex] || chunk.Offset + count > target.Length)
            throw new InvalidDataException(
                $"chunk for tensor '{_specs[chunk.TensorIndex].Name}' at offset {chunk.Offset} (+{count}) does not continue at {_filled[chunk.TensorIndex]} of {target.Length}");
        MemoryMarshal.Cast<byte, float>(chunk.Data.Span).CopyTo(target.AsSpan((int)chunk.Offset, count));
        _filled[chunk.TensorIndex] += count;
    }

    /// <summary>The assembled groups by name, in spec order. Throws if any tensor is incomplete.</summary>
    public IReadOnlyDictionary<string, ModelWeights> Complete()
    {
        for (var i = 0; i < _specs.Length; i++)
            if (_filled[i] != _data[i].Length)
                throw new InvalidDataException($"tensor '{_specs[i].Name}' incomplete: {_filled[i]} of {_data[i].Length} values arrived");
        return _specs.Select((s, i) => (s.Group, Tensor: new NamedTensor(s.Name, s.Shape.ToArray(), _data[i])))
            .GroupBy(x => x.Group)
            .ToDictionary(g => g.Key, g => new ModelWeights(g.Select(x => x.Tensor)));
    }
}
