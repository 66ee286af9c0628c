using FedSim.Core.Codecs;
using FedSim.Protos.V1;
using Google.Protobuf;

namespace FedSim.Protos.Conversion;

/// <summary>
/// Cuts encoded tensor groups into <see cref="TensorChunk"/> messages of at most <see cref="DefaultChunkBytes"/> data
/// bytes each, in spec order, so no gRPC message comes near the message size limit however large the model.
/// </summary>
public static class TensorChunker
{
    public const int DefaultChunkBytes = 1 << 20;

    /// <summary>Every tensor's spec; raw float32 tensors go without an encoding, as before codecs existed.</summary>
    public static IEnumerable<TensorSpec> Specs(IEnumerable<TensorGroup> groups) =>
        groups.SelectMany(g => g.Tensors.Weights.Tensors.Select((t, i) =>
        {
            var spec = new TensorSpec { Group = g.Name, Name = t.Name };
            spec.Shape.AddRange(t.Shape);
            var encoding = g.Tensors.Tensors[i].Encoding;
            if (encoding.Codec != "fp32" || encoding.Relative) spec.Encoding = ToMessage(encoding);
            return spec;
        }));

    private static V1.TensorEncoding ToMessage(Core.Codecs.TensorEncoding encoding)
    {
        var message = new V1.TensorEncoding { Codec = encoding.Codec, Bytes = encoding.Bytes, Relative = encoding.Relative };
        foreach (var (k, v) in encoding.Parameters) message.Params[k] = v;
        if (encoding.Inner is { } inner) message.Inner = ToMessage(inner);
        return message;
    }

    public static IEnumerable<TensorChunk> Chunks(IEnumerable<TensorGroup> groups, int chunkBytes = DefaultChunkBytes)
    {
        var index = 0;
        foreach (var group in groups)
            foreach (var encoded in group.Tensors.Tensors)
            {
                foreach (var chunk in Cut(encoded, index, Math.Max(1, chunkBytes))) yield return chunk;
                index++;
            }
    }

    private static IEnumerable<TensorChunk> Cut(EncodedTensor encoded, int index, int chunkBytes)
    {
        var data = encoded.Data;
        for (var offset = 0; offset < data.Length || (offset == 0 && data.Length == 0); offset += chunkBytes)
        {
            // The encoded bytes are immutable, so the chunk wraps them instead of copying.
            yield return new TensorChunk
            {
                TensorIndex = index,
                Offset = offset,
                Data = UnsafeByteOperations.UnsafeWrap(data.Slice(offset, Math.Min(chunkBytes, data.Length - offset))),
            };
            if (data.Length == 0) break;
        }
    }
}
