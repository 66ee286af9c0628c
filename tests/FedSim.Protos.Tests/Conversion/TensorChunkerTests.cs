using System.Runtime.InteropServices;
using FedSim.Core.Weights;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Google.Protobuf;

namespace FedSim.Protos.Tests.Conversion;

public sealed class TensorChunkerTests
{
    /// <summary>
    /// Protobuf framing around a chunk's data, at most: tensor_index (1 + 5), offset (1 + 5 below 2^35),
    /// data tag and length (1 + 5), the TaskChunk/ResultChunk field (1 + 5), plus gRPC's 5-byte prefix.
    /// </summary>
    private const int MaxFraming = 34;

    private const int GrpcDefaultMaxMessageBytes = 4 * 1024 * 1024;

    private static TensorGroup[] Groups() =>
    [
        Wire.Group(TensorGroup.Model, new ModelWeights(
        [
            new NamedTensor("big", [10, 7], Enumerable.Range(0, 70).Select(i => i * 0.5f - 3f).ToArray()),
            new NamedTensor("empty", [0, 5], []),
            new NamedTensor("awkward", [TestModels.Awkward.Length], TestModels.Awkward.ToArray()),
            new NamedTensor("exact", [16], Enumerable.Range(0, 16).Select(i => (float)i).ToArray()),
            new NamedTensor("scalar", [], [42.5f]),
        ])),
        Wire.Group("control", new ModelWeights(
        [
            new NamedTensor("big", [33], Enumerable.Range(0, 33).Select(i => -i / 7f).ToArray()),
            new NamedTensor("bias", [3], [1f, 2f, 3f]),
        ])),
    ];

    private static IReadOnlyDictionary<string, ModelWeights> RoundTrip(TensorGroup[] groups, int chunkBytes)
    {
        var assembler = new TensorAssembler(TensorChunker.Specs(groups), Wire.Fp32);
        foreach (var chunk in TensorChunker.Chunks(groups, chunkBytes))
        {
            // Through the wire format and back, as gRPC would carry it.
            var received = TaskChunk.Parser.ParseFrom(new TaskChunk { Tensor = chunk }.ToByteArray());
            assembler.Add(received.Tensor);
        }
        return assembler.Complete();
    }

    private static void AssertBitIdentical(ModelWeights expected, ModelWeights actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Name, actual[i].Name);
            Assert.Equal(expected[i].Shape, actual[i].Shape);
            Assert.Equal(
                expected[i].Data.Select(BitConverter.SingleToInt32Bits),
                actual[i].Data.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(66)]
    [InlineData(4)]
    [InlineData(TensorChunker.DefaultChunkBytes)]
    public void Chunks_reassemble_into_bit_identical_groups_by_name(int chunkBytes)
    {
        var groups = Groups();

        var result = RoundTrip(groups, chunkBytes);

        Assert.Equal(["control", "model"], result.Keys.Order());
        AssertBitIdentical(groups[0].Tensors.Weights, result[TensorGroup.Model]);
        AssertBitIdentical(groups[1].Tensors.Weights, result["control"]);
    }

    [Fact]
    public void The_simple_cnn_model_and_a_same_shaped_payload_round_trip_through_small_chunks()
    {
        TensorGroup[] groups = [Wire.Group(TensorGroup.Model, TestModels.SimpleCnn(1)), Wire.Group("update", TestModels.SimpleCnn(2))];

        var result = RoundTrip(groups, 64);

        AssertBitIdentical(groups[0].Tensors.Weights, result[TensorGroup.Model]);
        AssertBitIdentical(groups[1].Tensors.Weights, result["update"]);
        Assert.Equal(TestModels.SimpleCnnParameters, result[TensorGroup.Model].TotalElements);
    }

    [Fact]
    public void Specs_list_every_tensor_in_order_with_its_group_name_and_shape()
    {
        var specs = TensorChunker.Specs(Groups()).ToArray();

        Assert.Equal(
            ["model/big", "model/empty", "model/awkward", "model/exact", "model/scalar", "control/big", "control/bias"],
            specs.Select(s => s.Group + "/" + s.Name));
        Assert.Equal([10L, 7], specs[0].Shape);
        Assert.Equal([0L, 5], specs[1].Shape);
        Assert.Empty(specs[4].Shape);
        Assert.Equal([33L], specs[5].Shape);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(64)]
    [InlineData(66)]
    [InlineData(1000)]
    public void No_chunk_is_larger_than_chunk_bytes_plus_framing(int chunkBytes)
    {
        foreach (var chunk in TensorChunker.Chunks(Groups(), chunkBytes))
        {
            Assert.True(chunk.Data.Length <= chunkBytes, $"{chunk.Data.Length} data bytes in a {chunkBytes}-byte chunk");
            Assert.InRange(WireSize.Of(new TaskChunk { Tensor = chunk }), 0, chunkBytes + MaxFraming);
            Assert.InRange(WireSize.Of(new ResultChunk { Tensor = chunk }), 0, chunkBytes + MaxFraming);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(TensorChunker.DefaultChunkBytes)]
    public void Each_tensor_is_sent_in_order_as_contiguous_chunks_that_never_span_two_tensors(int chunkBytes)
    {
        var groups = Groups();
        var tensors = groups.SelectMany(g => g.Tensors.Weights.Tensors).ToArray();
        var chunks = TensorChunker.Chunks(groups, chunkBytes).ToArray();

        // Tensor indices never go back.
        Assert.Equal(chunks.Select(c => c.TensorIndex).Order(), chunks.Select(c => c.TensorIndex));
        for (var t = 0; t < tensors.Length; t++)
        {
            var mine = chunks.Where(c => c.TensorIndex == t).ToArray();
            var bytes = MemoryMarshal.AsBytes(tensors[t].Data.AsSpan()).ToArray();
            Assert.Equal(bytes.Length == 0 ? 1 : (bytes.Length + chunkBytes - 1) / chunkBytes, mine.Length);
            long next = 0;
            foreach (var c in mine)
            {
                Assert.Equal(next, c.Offset);
                next += c.Data.Length;
                Assert.True(next <= bytes.Length, $"chunk at byte {c.Offset} runs past the end of tensor {t} ({bytes.Length} bytes)");
                Assert.Equal(bytes.AsSpan((int)c.Offset, c.Data.Length).ToArray(), c.Data.ToByteArray());
            }
            Assert.Equal(bytes.Length, next);
        }
    }

    [Fact]
    public void A_tensor_larger_than_the_chunk_size_is_cut_into_full_chunks_and_a_remainder()
    {
        TensorGroup[] groups = [Wire.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("w", [70], new float[70])]))];

        var chunks = TensorChunker.Chunks(groups, 64).ToArray();

        Assert.Equal([0L, 64, 128, 192, 256], chunks.Select(c => c.Offset));
        Assert.Equal([64, 64, 64, 64, 24], chunks.Select(c => c.Data.Length));
        Assert.All(chunks, c => Assert.Equal(0, c.TensorIndex));
    }

    [Fact]
    public void An_empty_tensor_is_announced_by_one_empty_chunk()
    {
        TensorGroup[] groups = [Wire.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("e", [0], [])]))];

        var chunk = Assert.Single(TensorChunker.Chunks(groups, 64));

        Assert.Equal(0, chunk.TensorIndex);
        Assert.Equal(0, chunk.Offset);
        Assert.True(chunk.Data.IsEmpty);
    }

    [Fact]
    public void A_one_byte_chunk_size_sends_one_byte_per_chunk_and_the_values_still_reassemble()
    {
        TensorGroup[] groups = [Wire.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("w", [3], [1f, 2f, 3f])]))];

        var chunks = TensorChunker.Chunks(groups, 1).ToArray();

        Assert.Equal(12, chunks.Length);
        Assert.Equal([1f, 2f, 3f], RoundTrip(groups, 1)[TensorGroup.Model][0].Data);
    }

    [Fact]
    public void Fp32_specs_carry_no_encoding_so_the_bytes_are_those_of_before_codecs_and_fp16_specs_name_theirs()
    {
        var weights = new ModelWeights([new NamedTensor("w", [3], [1f, 2f, 3f])]);

        var fp32 = Assert.Single(TensorChunker.Specs([Wire.Group(TensorGroup.Model, weights)]));
        var fp16 = Assert.Single(TensorChunker.Specs([Wire.Group(TensorGroup.Model, weights, "fp16")]));

        Assert.Null(fp32.Encoding);
        Assert.Equal(("fp16", 6L), (fp16.Encoding.Codec, fp16.Encoding.Bytes));
    }

    [Fact]
    public void Fp16_groups_reassemble_within_half_precision_and_send_half_the_data_bytes()
    {
        var weights = TestModels.SimpleCnn(3);
        TensorGroup[] groups = [Wire.Group(TensorGroup.Model, weights, "fp16")];
        var assembler = new TensorAssembler(TensorChunker.Specs(groups), Wire.Link("fp16"));
        long data = 0;
        foreach (var chunk in TensorChunker.Chunks(groups, 1000))
        {
            data += chunk.Data.Length;
            assembler.Add(chunk);
        }
        var back = assembler.Complete()[TensorGroup.Model];

        Assert.Equal(weights.TotalElements * 2, data);
        for (var t = 0; t < weights.Count; t++)
            for (var j = 0; j < weights[t].Length; j++)
                Assert.InRange(Math.Abs(back[t].Data[j] - weights[t].Data[j]), 0, Math.Abs(weights[t].Data[j]) / 2048 + 1e-7);
    }

    [Fact]
    public void Chunk_data_is_little_endian_float32()
    {
        TensorGroup[] groups = [Wire.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("w", [2], [1f, -2.5f])]))];

        var chunk = Assert.Single(TensorChunker.Chunks(groups));

        Assert.Equal([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0], chunk.Data.ToByteArray());
    }

    [Fact]
    public void A_120_MB_model_streams_in_messages_under_the_4_MB_grpc_limit()
    {
        // 30 million floats in two tensors; chunks are produced, measured and assembled one at a time.
        const int first = 20_000_000;
        const int second = 10_000_000;
        var a = new float[first];
        var b = new float[second];
        for (var i = 0; i < first; i++) a[i] = i % 1_000_003;
        for (var i = 0; i < second; i++) b[i] = -(i % 999_983);
        TensorGroup[] groups =
        [
            Wire.Group(TensorGroup.Model, new ModelWeights([new NamedTensor("a", [first], a)])),
            Wire.Group("payload", new ModelWeights([new NamedTensor("b", [2, second / 2], b)])),
        ];

        var assembler = new TensorAssembler(TensorChunker.Specs(groups), Wire.Fp32);
        long messages = 0, wireBytes = 0, largest = 0;
        foreach (var chunk in TensorChunker.Chunks(groups))
        {
            var task = WireSize.Of(new TaskChunk { Tensor = chunk });
            var result = WireSize.Of(new ResultChunk { Tensor = chunk });
            Assert.True(task < GrpcDefaultMaxMessageBytes, $"TaskChunk of {task} bytes");
            Assert.True(result < GrpcDefaultMaxMessageBytes, $"ResultChunk of {result} bytes");
            largest = Math.Max(largest, task);
            wireBytes += task;
            messages++;
            assembler.Add(chunk);
        }
        var back = assembler.Complete();

        Assert.True(largest <= TensorChunker.DefaultChunkBytes + MaxFraming);
        Assert.InRange(wireBytes, 30_000_000L * sizeof(float), 30_000_000L * sizeof(float) * 101 / 100);
        Assert.True(messages >= 30_000_000L * sizeof(float) / TensorChunker.DefaultChunkBytes, $"{messages} messages");
        Assert.True(a.AsSpan().SequenceEqual(back[TensorGroup.Model][0].Data), "tensor a differs after reassembly");
        Assert.True(b.AsSpan().SequenceEqual(back["payload"][0].Data), "tensor b differs after reassembly");
    }
}
