using FedSim.Core.Codecs;
using static FedSim.Core.Tests.TestSupport.CodecTesting;

namespace FedSim.Core.Tests.Codecs;

/// <summary>int8 and int4: sizes, the half-step bound of rounding to nearest, per-channel scales, unbiased stochastic rounding.</summary>
public sealed class LinearQuantizerTests
{
    private static LinearQuantizationOptions Options(QuantizationScheme scheme = QuantizationScheme.Symmetric,
        QuantizationGranularity granularity = QuantizationGranularity.Tensor, bool stochastic = false) =>
        new() { Scheme = scheme, Granularity = granularity, Stochastic = stochastic };

    [Theory]
    [InlineData("int8", 1000, 1000)]
    [InlineData("int8", 7, 7)]
    [InlineData("int4", 1000, 500)]
    [InlineData("int4", 7, 4)]
    public void A_tensor_scale_costs_no_bytes_beside_the_packed_levels(string codec, int n, int bytes)
    {
        var e = Encode(Codec(codec), Gaussian(n, 1));

        Assert.Equal((long)bytes, e.Encoding.Bytes);
        Assert.Equal(bytes, e.Data.Length);
    }

    [Theory]
    [InlineData("int8", QuantizationScheme.Symmetric, 400 + 10 * 4)]
    [InlineData("int8", QuantizationScheme.Asymmetric, 400 + 10 * 8)]
    [InlineData("int4", QuantizationScheme.Symmetric, 200 + 10 * 4)]
    [InlineData("int4", QuantizationScheme.Asymmetric, 200 + 10 * 8)]
    public void Per_channel_scales_travel_as_float32_values_ahead_of_the_levels(string codec, QuantizationScheme scheme, int bytes)
    {
        var e = Encode(Codec(codec, Options(scheme, QuantizationGranularity.Channel)), Gaussian(400, 1), shape: [10, 40]);

        Assert.Equal(bytes, e.Data.Length);
        Assert.Equal(10, e.Encoding.Parameter("channels"));
    }

    [Theory]
    [InlineData("int8", 8, QuantizationScheme.Symmetric)]
    [InlineData("int8", 8, QuantizationScheme.Asymmetric)]
    [InlineData("int4", 4, QuantizationScheme.Symmetric)]
    [InlineData("int4", 4, QuantizationScheme.Asymmetric)]
    public void Rounding_to_nearest_errs_at_most_half_a_step(string codec, int bits, QuantizationScheme scheme)
    {
        var values = Gaussian(5000, 3).Append(0.2f).ToArray();

        var back = RoundTrip(Codec(codec, Options(scheme)), values);

        var step = scheme == QuantizationScheme.Symmetric
            ? values.Max(Math.Abs) / ((1 << (bits - 1)) - 1)
            : (values.Max() - values.Min()) / ((1 << bits) - 1);
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(back[i] - values[i]) <= step / 2 * (1 + 1e-5), $"{values[i]} came back as {back[i]} (step {step})");
    }

    [Fact]
    public void Symmetric_quantisation_keeps_zero_and_the_extreme_exactly()
    {
        float[] values = [0f, -0.5f, 0.25f, 0f];

        var back = RoundTrip(Codec("int8"), values);

        Assert.Equal(0f, back[0]);
        Assert.Equal(-0.5f, back[1]);
        Assert.Equal(0f, back[3]);
    }

    [Fact]
    public void Per_channel_scales_keep_each_row_within_half_its_own_step()
    {
        // Rows of very different magnitude: one tensor scale would flatten the small rows to 0.
        var values = Enumerable.Range(0, 4).SelectMany(r => Gaussian(50, r, sigma: Math.Pow(10, -r))).ToArray();

        var channel = RoundTrip(Codec("int8", Options(granularity: QuantizationGranularity.Channel)), values, shape: [4, 50]);
        var tensor = RoundTrip(Codec("int8"), values, shape: [4, 50]);

        for (var r = 0; r < 4; r++)
        {
            var row = values.AsSpan(r * 50, 50).ToArray();
            var step = row.Max(Math.Abs) / 127;
            for (var i = 0; i < 50; i++)
                Assert.True(Math.Abs(channel[r * 50 + i] - row[i]) <= step / 2 * (1 + 1e-5));
        }
        Assert.True(Error(channel, values, 150, 200) < Error(tensor, values, 150, 200) / 100);
    }

    private static double Error(float[] back, float[] values, int from, int to) =>
        Enumerable.Range(from, to - from).Sum(i => Math.Abs(back[i] - values[i]));

    [Theory]
    [InlineData("int8")]
    [InlineData("int4")]
    public void Stochastic_rounding_errs_less_than_a_step_and_is_unbiased(string codec)
    {
        var values = Gaussian(200, 4);
        var codecWith = Codec(codec, Options(stochastic: true));
        var step = values.Max(Math.Abs) / (codec == "int8" ? 127 : 7);
        var meanError = new double[values.Length];
        const int Draws = 2000;

        for (var d = 0; d < Draws; d++)
        {
            var back = RoundTrip(codecWith, values, seed: d);
            for (var i = 0; i < values.Length; i++)
            {
                Assert.True(Math.Abs(back[i] - values[i]) < step * (1 + 1e-5));
                meanError[i] += (back[i] - values[i]) / (double)Draws;
            }
        }

        // Each draw errs by up to a step with mean 0, so the mean of 2000 draws lies within a few step / sqrt(2000) of 0.
        Assert.All(meanError, m => Assert.True(Math.Abs(m) < 5 * step / Math.Sqrt(Draws), $"mean error {m} (step {step})"));
        // Rounding to nearest is biased for the same values (its errors do not average out).
        var nearest = RoundTrip(Codec(codec), values);
        Assert.Contains(Enumerable.Range(0, values.Length), i => Math.Abs(nearest[i] - values[i]) > 10 * step / Math.Sqrt(Draws));
    }

    [Fact]
    public void A_constant_or_empty_tensor_comes_back_exactly()
    {
        Assert.Equal([0f, 0f, 0f], RoundTrip(Codec("int4"), [0f, 0f, 0f]));
        Assert.Equal([2f, 2f], RoundTrip(Codec("int8", Options(QuantizationScheme.Asymmetric)), [2f, 2f]));
        Assert.Empty(RoundTrip(Codec("int8"), []));
    }

    [Fact]
    public void A_decoder_refuses_channel_counts_that_do_not_divide_the_tensor()
    {
        var encoding = new TensorEncoding("int8", 10) { Parameters = new Dictionary<string, double> { ["channels"] = 3 } };

        var e = Assert.Throws<InvalidDataException>(() => Codec("int8").Decoder(encoding, 10));

        Assert.Contains("3 channels do not divide 10 values", e.Message);
    }
}
