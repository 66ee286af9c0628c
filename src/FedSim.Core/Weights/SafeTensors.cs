using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FedSim.Core.Weights;

/// <summary>
/// The safetensors format (Hugging Face's; PyTorch, JAX and numpy read it): an 8-byte little-endian header length, a
/// JSON header naming each tensor's dtype, shape and byte range (plus string <c>__metadata__</c>), padded with spaces
/// to 8 bytes, then the float32 values, little-endian, tensor after tensor. Pure: bytes in, bytes out.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    public static byte[] Encode(ModelWeights weights, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 }) header[MetadataKey] = new JsonObject(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)));
        long offset = 0;
        foreach (var t in weights.Tensors)
        {
            var bytes = (long)t.Length * sizeof(float);
            header[t.Name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray([.. t.Shape.Select(d => (JsonNode)d)]),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;
        var result = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)padded);
        json.CopyTo(result, 8);
        result.AsSpan(8 + json.Length, padded - json.Length).Fill((byte)' ');
        var at = 8 + padded;
        foreach (var t in weights.Tensors)
        {
            var span = MemoryMarshal.AsBytes(t.Span);
            span.CopyTo(result.AsSpan(at));
            if (!BitConverter.IsLittleEndian) ReverseEach(result.AsSpan(at, span.Length));
            at += span.Length;
        }
        return result;
    }

    /// <summary>The tensors (float32 only) in the order of their byte ranges, and the metadata; <see cref="InvalidDataException"/> for anything else.</summary>
    public static (ModelWeights Weights, IReadOnlyDictionary<string, string> Metadata) Decode(ReadOnlySpan<byte> file)
    {
        if (file.Length < 8) throw new InvalidDataException("not a safetensors file: shorter than its 8-byte header length");
        var length = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (length > (ulong)(file.Length - 8)) throw new InvalidDataException($"not a safetensors file: a header of {length} bytes in a file of {file.Length}");
        var data = file[(8 + (int)length)..];
        var metadata = new Dictionary<string, string>();
        var tensors = new List<(long Begin, NamedTensor Tensor)>();
        using var header = JsonDocument.Parse(file.Slice(8, (int)length).ToArray());
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == MetadataKey)
            {
                foreach (var m in entry.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString() ?? "";
                continue;
            }
            if (entry.Value.GetProperty("dtype").GetString() != "F32") throw new InvalidDataException($"tensor '{entry.Name}' is not F32");
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var range = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (range.Length != 2 || range[0] < 0 || range[1] < range[0] || range[1] > data.Length || (range[1] - range[0]) % sizeof(float) != 0)
                throw new InvalidDataException($"tensor '{entry.Name}': byte range [{string.Join(",", range)}] outside the {data.Length} data bytes");
            var bytes = data[(int)range[0]..(int)range[1]].ToArray();
            if (!BitConverter.IsLittleEndian) ReverseEach(bytes);
            tensors.Add((range[0], new NamedTensor(entry.Name, shape, MemoryMarshal.Cast<byte, float>(bytes).ToArray())));
        }
        return (new ModelWeights(tensors.OrderBy(t => t.Begin).Select(t => t.Tensor)), metadata);
    }

    private static void ReverseEach(Span<byte> bytes)
    {
        for (var i = 0; i + 4 <= bytes.Length; i += 4) bytes.Slice(i, 4).Reverse();
    }
}
