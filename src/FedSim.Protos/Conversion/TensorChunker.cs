using FedSim.Protos.V1;
using Google.Protobuf;

namespace FedSim.Protos.Conversion;

/// <summary>
/// Cuts tensor groups into <see cref="TensorChunk"/> messages of at most <see cref="DefaultChunkBytes"/> data bytes each,
/// in spec order, so no gRPC message comes near the message size limit however large the model.
/// </summary>
public static class TensorChunker
{
    public const int DefaultChunkBytes = 1 << 20;

    public static IEnumerable<TensorSpec> Specs(IEnumerable<TensorGroup> groups) =>
        groups.SelectMany(g => g.Weights.Tensors.Select(t =>
        {
            var spec = new TensorSpec { Group = g.Name, Name = t.Name };
            spec.Shape.AddRange(t.Shape);
            return spec;
        }));

    public static IEnumerable<TensorChunk> Chunks(IEnumerable<TensorGroup> groups, int chunkBytes = DefaultChunkBytes)
    {
        var floatsPerChunk = Math.Max(1, chunkBytes / sizeof(float));
        var index = 0;
        foreach (var group in groups)
            foreach (var tensor in group.Weights.Tensors)
            {
                var data = tensor.Data;
                for (var offset = 0; offset < data.Length || (offset == 0 && data.Length == 0); offset += floatsPerChunk)
                {
                    var count = Math.Min(floatsPerChunk, data.Length - offset);
                    yield return new TensorChunk
                    {
                        TensorIndex = index,
                        Offset = offset,
                        // The weights are immutable, so the chunk can wrap their memory instead of copying it.
                        Data = UnsafeByteOperations.UnsafeWrap(new FloatBytes(data, offset, count).Memory),
                    };
                    if (data.Length == 0) break;
                }
                index++;
            }
    }
}
