using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;
using static FedSim.Core.Tests.TestSupport.CodecTesting;

namespace FedSim.Core.Tests.Codecs;

/// <summary>The registry of codecs, fp32 and fp16: exact sizes, and round-trip error within each one's analytic bound.</summary>
public sealed class CodecTests
{
    [Fact]
    public void The_shipped_codecs_are_registered()
    {
        Assert.Equal(["bf16", "fp16", "fp32", "int4", "int8", "qsgd", "sign", "topk"], TestScenarios.Schema.Catalog.Codecs.Names);
    }

    [Fact]
    public void Fp32_is_four_bytes_a_value_and_bit_identical_even_for_nan_payloads_and_infinities()
    {
        float[] values = [0f, -0f, 1f, float.Epsilon, float.MaxValue, float.NegativeInfinity, float.NaN, BitConverter.Int32BitsToSingle(0x7FC0_1234), 3.14159265f];
        var encoded = Codec("fp32").Encode(new NamedTensor("t", [values.Length], values), Core.Randomness.Seeds.Generator(0));

        Assert.Equal(("fp32", 4L * values.Length), (encoded.Encoding.Codec, encoded.Encoding.Bytes));
        Assert.Equal(4 * values.Length, encoded.Data.Length);
        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), RoundTrip(Codec("fp32"), values).Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Fp16_is_two_bytes_a_value_exactly()
    {
        var encoded = Codec("fp16").Encode(new NamedTensor("t", [3, 7], Values(21, 1)), Core.Randomness.Seeds.Generator(0));

        Assert.Equal(("fp16", 42L), (encoded.Encoding.Codec, encoded.Encoding.Bytes));
        Assert.Equal(42, encoded.Data.Length);
    }

    [Fact]
    public void Fp16_keeps_each_normal_value_within_half_a_unit_in_the_last_place_2_to_the_minus_11_relative()
    {
        var values = Values(10_000, 2).Where(v => Math.Abs(v) is >= 6.1e-5f and <= 65504f).ToArray();

        var back = RoundTrip(Codec("fp16"), values);

        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(back[i] - values[i]) <= Math.Abs(values[i]) * Math.Pow(2, -11), $"{values[i]} came back as {back[i]}");
    }

    [Fact]
    public void Fp16_keeps_tiny_values_within_its_subnormal_step_and_overflows_to_infinity()
    {
        float[] values = [1e-6f, -3e-7f, 1e-9f, 70000f, -1e6f];

        var back = RoundTrip(Codec("fp16"), values);

        for (var i = 0; i < 3; i++) Assert.True(Math.Abs(back[i] - values[i]) <= Math.Pow(2, -25), $"{values[i]} came back as {back[i]}");
        Assert.Equal(float.PositiveInfinity, back[3]);
        Assert.Equal(float.NegativeInfinity, back[4]);
    }

    [Fact]
    public void Values_that_are_halves_already_come_back_exactly()
    {
        float[] values = [0.5f, -2f, 1024f, 0.099975586f, 65504f];

        Assert.Equal(values, RoundTrip(Codec("fp16"), values));
    }
}
