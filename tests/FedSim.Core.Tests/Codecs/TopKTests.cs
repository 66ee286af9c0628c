using FedSim.Core.Codecs;
using FedSim.Core.Randomness;
using FedSim.Core.Tests.TestSupport;
using static FedSim.Core.Tests.TestSupport.CodecTesting;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Codecs;

/// <summary>Top-k: exactly the largest values, compact positions, values in the chosen codec, error feedback.</summary>
public sealed class TopKTests
{
    private static ITensorCodec TopK(double fraction, string then = "fp32", object? thenOptions = null, bool errorFeedback = true) =>
        Codec("topk", new TopKOptions { Fraction = fraction, Then = Choice(then, thenOptions), ErrorFeedback = errorFeedback });

    [Fact]
    public void It_sends_exactly_the_ceil_fraction_n_largest_values_and_zeros_elsewhere()
    {
        var values = Gaussian(1000, 1);

        var back = RoundTrip(TopK(0.05), values);

        var kept = Enumerable.Range(0, 1000).OrderByDescending(i => Math.Abs(values[i])).Take(50).ToHashSet();
        for (var i = 0; i < 1000; i++) Assert.Equal(kept.Contains(i) ? values[i] : 0f, back[i]);
    }

    [Fact]
    public void A_tiny_tensor_still_sends_one_value()
    {
        var back = RoundTrip(TopK(0.01), [0.1f, -3f, 0.2f]);

        Assert.Equal([0f, -3f, 0f], back);
    }

    [Theory]
    [InlineData("fp32", 4.0)]
    [InlineData("int8", 1.0)]
    [InlineData("fp16", 2.0)]
    public void Its_size_is_the_position_bytes_plus_the_value_codec_s_bytes_for_k_values(string then, double bytesPerValue)
    {
        const int N = 100_000;
        var e = Encode(TopK(0.01, then), Gaussian(N, 2));

        var k = (int)e.Encoding.Parameter("k");
        var indexBytes = (int)e.Encoding.Parameter("index_bytes");
        Assert.Equal(1000, k);
        Assert.Equal(then, e.Encoding.Inner!.Codec);
        Assert.Equal(indexBytes + (long)(k * bytesPerValue), e.Data.Length);
        // With 1% kept, the gaps average 100 values: one varint byte for most, two for the rest (gaps of 128 and more).
        Assert.InRange(indexBytes, k, 1.5 * k);
        // Analytically, about (1 + 1 / e^1.28) + bytesPerValue bytes a kept value: within 2% of what was sent.
        var analytic = k * (1 + Math.Exp(-127.0 / 100) + bytesPerValue);
        Assert.InRange(e.Data.Length, 0.98 * analytic, 1.02 * analytic);
    }

    [Fact]
    public void With_int8_values_each_kept_value_is_within_half_a_step_of_the_kept_values_scale()
    {
        var values = Gaussian(10_000, 3);

        var back = RoundTrip(TopK(0.02, "int8"), values);

        var kept = Enumerable.Range(0, values.Length).Where(i => back[i] != 0).ToArray();
        var step = kept.Max(i => Math.Abs(values[i])) / 127;
        Assert.Equal(200, kept.Length);
        Assert.All(kept, i => Assert.True(Math.Abs(back[i] - values[i]) <= step / 2 * (1 + 1e-5)));
    }

    [Fact]
    public void With_error_feedback_what_was_sent_plus_the_residual_is_the_sum_of_the_true_updates()
    {
        var codec = TopK(0.1, "int8");
        var residuals = new Residuals();
        var zero = WeightSet(("w", new float[200]));
        var sent = new double[200];
        var truth = new double[200];

        for (var round = 0; round < 15; round++)
        {
            var update = Gaussian(200, 100 + round);
            var e = Assert.Single(WeightsEncoding.Encode(WeightSet(("w", update)), codec, "model", Seeds.Generator(round), zero, residuals));
            var delivered = CodecRuns.Decode(codec, e, 200);
            for (var i = 0; i < 200; i++) (sent[i], truth[i]) = (sent[i] + delivered[i], truth[i] + update[i]);
        }

        var residual = residuals.Of("model/w")!;
        for (var i = 0; i < 200; i++) Assert.Equal(truth[i], sent[i] + residual[i], 4);
        // A value too small to be sent in one round is sent once its residual has grown.
        Assert.True(sent.Count(s => s != 0) > 100);
    }

    [Fact]
    public void Without_error_feedback_the_dropped_values_are_lost()
    {
        var residuals = new Residuals();

        WeightsEncoding.Encode(WeightSet(("w", Gaussian(100, 1))), TopK(0.1, errorFeedback: false), "model", Seeds.Generator(0),
            WeightSet(("w", new float[100])), residuals);

        Assert.Null(residuals.Of("model/w"));
    }

    [Fact]
    public void A_scenario_chooses_the_value_codec_by_name_or_with_options()
    {
        var byName = TestScenarios.Parse("compression:\n  uplink: {codec: topk, fraction: 0.05, then: int8}\n").Compression.Uplink;
        var withOptions = TestScenarios.Parse("compression:\n  uplink:\n    codec: topk\n    then: {codec: int4, scheme: asymmetric}\n").Compression.Uplink;

        Assert.Equal(("topk", 0.05, "int8"), (byName.Name, byName.OptionsAs<TopKOptions>().Fraction, byName.OptionsAs<TopKOptions>().Then.Name));
        var then = withOptions.OptionsAs<TopKOptions>().Then;
        Assert.Equal(("int4", QuantizationScheme.Asymmetric), (then.Name, then.OptionsAs<LinearQuantizationOptions>().Scheme));
        Assert.Equal("int4", Encode(withOptions.Resolve<ICodecComponent>().Create(withOptions.Options), Gaussian(100, 1)).Encoding.Inner!.Codec);
    }

    [Fact]
    public void The_resolved_scenario_writes_the_value_codec_back_and_loads_again()
    {
        var s = TestScenarios.Parse("compression:\n  uplink: {codec: topk, then: {codec: int8, granularity: channel}}\n");

        var again = TestScenarios.Parse(TestScenarios.Schema.ToYaml(s));

        Assert.Equal(s.Compression, again.Compression);
    }

    [Theory]
    [InlineData("compression:\n  uplink: {codec: topk, then: sign}\n", "compression.uplink.then", "'sign' cannot encode top-k's values")]
    [InlineData("compression:\n  uplink: {codec: topk, then: topk}\n", "compression.uplink.then", "'topk' cannot encode top-k's values")]
    [InlineData("compression:\n  uplink: {codec: topk, fraction: 0}\n", "compression.uplink.fraction", "0")]
    [InlineData("compression:\n  uplink: {codec: topk, then: {codec: bf17}}\n", "compression.uplink.then.codec", "did you mean 'bf16'")]
    [InlineData("compression:\n  downlink: topk\n", "compression.downlink", "only an uplink codec")]
    [InlineData("compression:\n  downlink: {codec: sign}\n", "compression.downlink", "only an uplink codec")]
    public void Bad_choices_are_refused_at_the_key_that_should_change(string yaml, string key, string message)
    {
        var e = Assert.Throws<Core.Scenarios.ScenarioException>(() => TestScenarios.Parse(yaml));

        Assert.Contains(e.Errors, x => x.Field == key && x.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_decoder_refuses_values_in_another_codec_and_sizes_that_do_not_add_up()
    {
        var e = Encode(TopK(0.1, "int8"), Gaussian(100, 1));

        var other = Assert.Throws<InvalidDataException>(() => TopK(0.1, "fp16").Decoder(e.Encoding, 100));
        var size = Assert.Throws<InvalidDataException>(() => TopK(0.1, "int8").Decoder(e.Encoding with { Bytes = e.Encoding.Bytes + 1 }, 100));
        var k = Assert.Throws<InvalidDataException>(() => TopK(0.1, "int8").Decoder(e.Encoding, 5));

        Assert.Contains("values encoded with 'int8', but this run's topk sends them as 'fp16'", other.Message);
        Assert.Contains("does not add up", size.Message);
        Assert.Contains("k = 10", k.Message);
    }
}
