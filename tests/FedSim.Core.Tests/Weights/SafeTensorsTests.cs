using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.Weights;

public sealed class SafeTensorsTests
{
    private static readonly ModelWeights Model = new([
        new NamedTensor("conv.weight", [2, 1, 2], [1f, -2f, 3.5f, float.Epsilon]),
        new NamedTensor("conv.bias", [2], [0.25f, -0f]),
    ]);

    [Fact]
    public void The_layout_is_safetensors_header_length_json_padded_to_8_then_little_endian_floats()
    {
        var file = SafeTensors.Encode(Model, new Dictionary<string, string> { ["round"] = "7" });

        var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        Assert.Equal(0, length % 8);
        Assert.Equal(8 + length + 6 * 4, file.Length);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(file, 8, length).TrimEnd(' '));
        Assert.Equal("7", header.RootElement.GetProperty("__metadata__").GetProperty("round").GetString());
        var bias = header.RootElement.GetProperty("conv.bias");
        Assert.Equal("F32", bias.GetProperty("dtype").GetString());
        Assert.Equal([2L], bias.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Equal([16L, 24L], bias.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Equal(3.5f, BinaryPrimitives.ReadSingleLittleEndian(file.AsSpan(8 + length + 8)));
    }

    [Fact]
    public void Decode_gives_back_every_bit_and_the_metadata()
    {
        var (weights, metadata) = SafeTensors.Decode(SafeTensors.Encode(Model, new Dictionary<string, string> { ["round"] = "7" }));

        Assert.Equal(["conv.weight", "conv.bias"], weights.Tensors.Select(t => t.Name));
        Assert.Equal(Model[0].Shape, weights[0].Shape);
        Assert.Equal(Model.Flatten().Select(BitConverter.SingleToInt32Bits), weights.Flatten().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal("7", metadata["round"]);
    }

    [Fact]
    public void A_file_that_is_not_safetensors_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => SafeTensors.Decode([1, 2, 3]));
        Assert.Throws<InvalidDataException>(() => SafeTensors.Decode(BitConverter.GetBytes(1000UL)));
    }
}
