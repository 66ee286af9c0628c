using FedSim.Core.Codecs;
using FedSim.Core.Randomness;
using static FedSim.Core.Tests.TestSupport.CodecTesting;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Codecs;

/// <summary>Scaled sign: one bit a value, the mean magnitude as scale, error feedback by default.</summary>
public sealed class SignTests
{
    [Fact]
    public void It_is_one_bit_a_value()
    {
        Assert.Equal(125, Encode(Codec("sign"), Gaussian(1000, 1)).Data.Length);
        Assert.Equal(2, Encode(Codec("sign"), Gaussian(9, 1)).Data.Length);
    }

    [Fact]
    public void Each_value_arrives_as_its_sign_times_the_mean_magnitude()
    {
        float[] values = [0.5f, -1.5f, 0f, -1f];

        Assert.Equal([0.75f, -0.75f, 0.75f, -0.75f], RoundTrip(Codec("sign"), values));
    }

    [Fact]
    public void With_error_feedback_what_was_sent_plus_the_residual_is_the_sum_of_the_true_updates()
    {
        var codec = Codec("sign");
        var residuals = new Residuals();
        var zero = WeightSet(("w", new float[50]));
        var sent = new double[50];
        var truth = new double[50];

        for (var round = 0; round < 20; round++)
        {
            var update = Gaussian(50, round);
            var e = Assert.Single(WeightsEncoding.Encode(WeightSet(("w", update)), codec, "model", Seeds.Generator(round), zero, residuals));
            var delivered = CodecRuns.Decode(codec, e, 50);
            for (var i = 0; i < 50; i++) (sent[i], truth[i]) = (sent[i] + delivered[i], truth[i] + update[i]);
        }

        var residual = residuals.Of("model/w")!;
        for (var i = 0; i < 50; i++) Assert.Equal(truth[i], sent[i] + residual[i], 4);
        Assert.True(codec.ErrorFeedback);
    }

    [Fact]
    public void Without_error_feedback_no_residual_is_kept()
    {
        var residuals = new Residuals();

        WeightsEncoding.Encode(WeightSet(("w", [0.3f, -0.1f])), Codec("sign", new SignOptions { ErrorFeedback = false }), "model",
            Seeds.Generator(0), WeightSet(("w", [0f, 0f])), residuals);

        Assert.Null(residuals.Of("model/w"));
    }
}
