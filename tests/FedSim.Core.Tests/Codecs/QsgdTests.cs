using FedSim.Core.Codecs;
using static FedSim.Core.Tests.TestSupport.CodecTesting;

namespace FedSim.Core.Tests.Codecs;

/// <summary>QSGD: a sign bit and ceil(log2(s + 1)) level bits a value, levels of norm / s, unbiased.</summary>
public sealed class QsgdTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(15, 5)]
    [InlineData(16, 6)]
    [InlineData(255, 9)]
    public void A_value_costs_a_sign_bit_and_ceil_log2_s_plus_1_level_bits(int levels, int bits)
    {
        var e = Encode(Codec("qsgd", new QsgdOptions { Levels = levels }), Gaussian(1000, 1));

        Assert.Equal((1000 * bits + 7) / 8, e.Data.Length);
    }

    [Fact]
    public void Every_value_becomes_a_multiple_of_norm_over_s_with_its_sign_within_one_level()
    {
        var values = Gaussian(1000, 2);
        var norm = Math.Sqrt(values.Sum(v => (double)v * v));
        var step = norm / 15;

        var back = RoundTrip(Codec("qsgd"), values);

        for (var i = 0; i < values.Length; i++)
        {
            var level = back[i] / step;
            Assert.Equal(Math.Round(level), level, 3);
            Assert.True(back[i] == 0 || Math.Sign(back[i]) == Math.Sign(values[i]));
            Assert.True(Math.Abs(back[i] - values[i]) < step * (1 + 1e-5));
        }
    }

    [Fact]
    public void It_is_unbiased_over_draws()
    {
        var values = Gaussian(100, 3);
        var step = Math.Sqrt(values.Sum(v => (double)v * v)) / 4;
        var codec = Codec("qsgd", new QsgdOptions { Levels = 4 });
        var mean = new double[values.Length];
        const int Draws = 4000;

        for (var d = 0; d < Draws; d++)
        {
            var back = RoundTrip(codec, values, seed: d);
            for (var i = 0; i < values.Length; i++) mean[i] += (back[i] - values[i]) / (double)Draws;
        }

        Assert.All(mean, m => Assert.True(Math.Abs(m) < 5 * step / Math.Sqrt(Draws), $"mean error {m}"));
    }

    [Fact]
    public void A_zero_tensor_comes_back_as_zeros()
    {
        Assert.Equal([0f, 0f, 0f], RoundTrip(Codec("qsgd"), [0f, 0f, 0f]));
    }

    [Fact]
    public void A_level_above_s_is_refused()
    {
        var encoding = new TensorEncoding("qsgd", 1) { Parameters = new Dictionary<string, double> { ["norm"] = 1 } };
        var decoder = Codec("qsgd", new QsgdOptions { Levels = 2 }).Decoder(encoding, 2);
        decoder.Buffer.Span[0] = 0b11; // 2 level bits and a sign bit a value: the first value's level is 3

        var e = Assert.Throws<InvalidDataException>(() => decoder.Complete());

        Assert.Contains("level 3 above s = 2", e.Message);
    }
}
