using System.Runtime.InteropServices;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Google.Protobuf;

namespace FedSim.Protos.Tests.Conversion;

public sealed class TensorAssemblerTests
{
    private static TensorSpec Spec(string group, string name, params long[] shape)
    {
        var spec = new TensorSpec { Group = group, Name = name };
        spec.Shape.AddRange(shape);
        return spec;
    }

    /// <summary>model/w [2, 3] (6 floats), model/b [2], extra/c [4].</summary>
    private static TensorAssembler Assembler() =>
        new([Spec("model", "w", 2, 3), Spec("model", "b", 2), Spec("extra", "c", 4)], Wire.Fp32);

    /// <summary>A chunk of float32 values starting at value <paramref name="offset"/> (sent as a byte offset).</summary>
    private static TensorChunk Chunk(int tensor, long offset, params float[] values) => new()
    {
        TensorIndex = tensor,
        Offset = offset * sizeof(float),
        Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())),
    };

    private static void AddAll(TensorAssembler a)
    {
        a.Add(Chunk(0, 0, 1, 2, 3, 4));
        a.Add(Chunk(0, 4, 5, 6));
        a.Add(Chunk(1, 0, 7, 8));
        a.Add(Chunk(2, 0, 9, 10, 11, 12));
    }

    [Fact]
    public void Complete_returns_every_group_by_name_with_tensors_in_spec_order()
    {
        var a = Assembler();
        AddAll(a);

        var groups = a.Complete();

        Assert.Equal(["extra", "model"], groups.Keys.Order());
        var model = groups["model"];
        Assert.Equal(["w", "b"], model.Tensors.Select(t => t.Name));
        Assert.Equal([2L, 3], model[0].Shape);
        Assert.Equal([1f, 2, 3, 4, 5, 6], model[0].Data);
        Assert.Equal([7f, 8], model[1].Data);
        Assert.Equal([9f, 10, 11, 12], Assert.Single(groups["extra"].Tensors).Data);
    }

    [Fact]
    public void Tensors_may_arrive_interleaved_as_long_as_each_continues_where_it_stopped()
    {
        var a = Assembler();
        a.Add(Chunk(0, 0, 1, 2));
        a.Add(Chunk(2, 0, 9, 10));
        a.Add(Chunk(1, 0, 7, 8));
        a.Add(Chunk(0, 2, 3, 4, 5, 6));
        a.Add(Chunk(2, 2, 11, 12));

        Assert.Equal([1f, 2, 3, 4, 5, 6], a.Complete()["model"][0].Data);
    }

    [Fact]
    public void An_empty_tensor_is_complete_with_or_without_its_empty_chunk()
    {
        var without = new TensorAssembler([Spec("model", "e", 0, 5)], Wire.Fp32);
        var with = new TensorAssembler([Spec("model", "e", 0, 5)], Wire.Fp32);
        with.Add(Chunk(0, 0));

        Assert.Empty(without.Complete()["model"][0].Data);
        Assert.Equal([0L, 5], with.Complete()["model"][0].Shape);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_chunk_for_an_unknown_tensor_index_is_rejected(int index)
    {
        var a = Assembler();

        var e = Assert.Throws<InvalidDataException>(() => a.Add(Chunk(index, 0, 1)));

        Assert.Contains($"tensor {index}", e.Message);
        Assert.Contains("3 tensors", e.Message);
    }

    [Fact]
    public void A_chunk_that_skips_ahead_is_rejected()
    {
        var a = Assembler();
        a.Add(Chunk(0, 0, 1, 2));

        var e = Assert.Throws<InvalidDataException>(() => a.Add(Chunk(0, 3, 4, 5)));

        Assert.Contains("'w'", e.Message);
        Assert.Contains("at byte 12", e.Message);
        Assert.Contains("continue at 8", e.Message);
    }

    [Fact]
    public void A_chunk_that_does_not_start_at_zero_is_rejected()
    {
        var a = Assembler();
        Assert.Throws<InvalidDataException>(() => a.Add(Chunk(0, 2, 3, 4)));
    }

    [Fact]
    public void A_repeated_chunk_is_rejected()
    {
        var a = Assembler();
        a.Add(Chunk(0, 0, 1, 2));

        Assert.Throws<InvalidDataException>(() => a.Add(Chunk(0, 0, 1, 2)));
    }

    [Fact]
    public void A_negative_offset_is_rejected()
    {
        var a = Assembler();
        Assert.Throws<InvalidDataException>(() => a.Add(Chunk(0, -1, 1, 2)));
    }

    [Fact]
    public void A_chunk_running_past_the_end_of_its_tensor_is_rejected()
    {
        var a = Assembler();
        a.Add(Chunk(1, 0, 7));

        var e = Assert.Throws<InvalidDataException>(() => a.Add(Chunk(1, 1, 8, 9)));

        Assert.Contains("'b'", e.Message);
        Assert.Contains("of 8", e.Message);
    }

    [Fact]
    public void A_first_chunk_larger_than_its_tensor_is_rejected_and_does_not_spill_into_the_next()
    {
        var a = Assembler();

        Assert.Throws<InvalidDataException>(() => a.Add(Chunk(0, 0, 1, 2, 3, 4, 5, 6, 7)));

        // Nothing of it was kept: tensor 0 still starts at 0 and tensor 1 is untouched.
        AddAll(a);
        Assert.Equal([7f, 8], a.Complete()["model"][1].Data);
    }

    [Fact]
    public void A_value_may_be_cut_between_two_chunks_and_arrives_whole()
    {
        var a = new TensorAssembler([Spec("model", "w", 2)], Wire.Fp32);
        var bytes = MemoryMarshal.AsBytes(new[] { 1.5f, -2.25f }.AsSpan()).ToArray();

        a.Add(new TensorChunk { TensorIndex = 0, Offset = 0, Data = ByteString.CopyFrom(bytes, 0, 3) });
        a.Add(new TensorChunk { TensorIndex = 0, Offset = 3, Data = ByteString.CopyFrom(bytes, 3, 5) });

        Assert.Equal([1.5f, -2.25f], a.Complete()["model"][0].Data);
    }

    [Fact]
    public void A_tensor_encoded_with_another_codec_than_the_link_s_is_refused_naming_both()
    {
        var spec = Spec("model", "w", 4);
        spec.Encoding = new TensorEncoding { Codec = "fp16", Bytes = 8 };

        var e = Assert.Throws<InvalidDataException>(() => new TensorAssembler([spec], Wire.Fp32));

        Assert.Contains("encoded with 'fp16'", e.Message);
        Assert.Contains("codec is 'fp32'", e.Message);
    }

    [Fact]
    public void An_announced_size_that_does_not_match_the_codec_is_refused_before_any_data()
    {
        var spec = Spec("model", "w", 4);
        spec.Encoding = new TensorEncoding { Codec = "fp16", Bytes = 16 };

        var e = Assert.Throws<InvalidDataException>(() => new TensorAssembler([spec], Wire.Link("fp16")));

        Assert.Contains("fp16 encodes 4 values in 8 bytes, the sender announced 16", e.Message);
    }

    [Fact]
    public void Complete_rejects_a_tensor_that_is_missing_values()
    {
        var a = Assembler();
        a.Add(Chunk(0, 0, 1, 2, 3, 4, 5, 6));
        a.Add(Chunk(1, 0, 7, 8));
        a.Add(Chunk(2, 0, 9));

        var e = Assert.Throws<InvalidDataException>(() => a.Complete());

        Assert.Contains("'c' incomplete", e.Message);
        Assert.Contains("4 of 16 bytes", e.Message);
    }

    [Fact]
    public void Complete_rejects_a_tensor_that_received_no_chunk()
    {
        var a = Assembler();
        a.Add(Chunk(0, 0, 1, 2, 3, 4, 5, 6));
        a.Add(Chunk(2, 0, 9, 10, 11, 12));

        var e = Assert.Throws<InvalidDataException>(() => a.Complete());

        Assert.Contains("'b' incomplete: 0 of 8 bytes", e.Message);
    }

    [Fact]
    public void A_negative_dimension_in_a_spec_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => new TensorAssembler([Spec("model", "w", 3, -2)], Wire.Fp32));

        Assert.Contains("'w'", e.Message);
        Assert.Contains("negative dimension -2", e.Message);
    }

    [Fact]
    public void Specs_beyond_the_element_limit_are_rejected_before_allocating()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            new TensorAssembler([Spec("model", "a", 600), Spec("model", "b", 500)], Wire.Fp32, maxElements: 1000));

        Assert.Contains("'b'", e.Message);
        Assert.Contains("exceed", e.Message);
    }

    [Fact]
    public void A_single_tensor_too_large_for_an_array_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => new TensorAssembler([Spec("model", "huge", 1L << 32)], Wire.Fp32));
    }

    [Theory]
    [InlineData(1L << 32, 1L << 32)] // 2^64 elements: the product wraps to 0, accepted as an empty tensor
    [InlineData(1L << 62, 3L)] // the product wraps negative: OverflowException from new float[n]
    public void A_shape_whose_element_count_overflows_is_rejected(long d0, long d1)
    {
        Assert.Throws<InvalidDataException>(() => new TensorAssembler([Spec("model", "w", d0, d1)], Wire.Fp32));
    }
}
