using static FedSim.Core.Tests.TestSupport.CodecTesting;

namespace FedSim.Core.Tests.Codecs;

/// <summary>bfloat16: two bytes a value, float32's range, relative error at most 2^-8.</summary>
public sealed class Bf16Tests
{
    [Fact]
    public void It_is_two_bytes_a_value_exactly()
    {
        var e = Encode(Codec("bf16"), Values(21, 1), shape: [3, 7]);

        Assert.Equal(("bf16", 42L, 42), (e.Encoding.Codec, e.Encoding.Bytes, e.Data.Length));
    }

    [Fact]
    public void Each_value_comes_back_within_2_to_the_minus_8_relative_even_beyond_half_precision_s_range()
    {
        var values = Values(10_000, 2).Append(1e30f).Append(-3e-30f).ToArray();

        var back = RoundTrip(Codec("bf16"), values);

        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(back[i] - values[i]) <= Math.Abs(values[i]) * Math.Pow(2, -8), $"{values[i]} came back as {back[i]}");
    }

    [Fact]
    public void Values_with_seven_mantissa_bits_come_back_exactly_and_nan_and_infinities_survive()
    {
        float[] values = [0f, 1f, -2.5f, 0.0078125f, 3.3895314e38f, float.PositiveInfinity, float.NegativeInfinity, float.NaN];

        var back = RoundTrip(Codec("bf16"), values);

        Assert.Equal(values[..7], back[..7]);
        Assert.True(float.IsNaN(back[7]));
    }

    [Fact]
    public void Rounding_is_to_nearest_even()
    {
        // 1 + 2^-8 lies halfway between 1 and 1 + 2^-7: it goes to the even one, 1; 1 + 3 * 2^-8 goes up to 1 + 2^-6.
        float[] values = [1f + 1f / 256, 1f + 3f / 256];

        Assert.Equal([1f, 1f + 1f / 64], RoundTrip(Codec("bf16"), values));
    }
}
