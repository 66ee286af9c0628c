using FedSim.Core.Codecs;
using FedSim.Core.Randomness;
using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Codecs;

/// <summary>How a weight set is encoded for a link: as values (lossless), or as an update against a reference (lossy), with error feedback.</summary>
public sealed class WeightsEncodingTests
{
    private static ITensorCodec Codec(string name) => TestScenarios.Schema.Catalog.Codecs.Get(name).As<ICodecComponent>().Create(null);

    /// <summary>Keeps only the sign of every value times 1 (a crude lossy codec with error feedback, for these tests).</summary>
    private sealed class UnitSign : ITensorCodec
    {
        public bool Lossless => false;

        public bool ErrorFeedback => true;

        public EncodedTensor Encode(NamedTensor tensor, Random rng) =>
            new(new TensorEncoding("unit-sign", tensor.Length), tensor.Data.Select(v => (byte)(v >= 0 ? 1 : 0)).ToArray());

        public ITensorDecoder Decoder(TensorEncoding encoding, int elements) => new Decoding(elements);

        private sealed class Decoding(int elements) : ITensorDecoder
        {
            private readonly byte[] _bytes = new byte[elements];

            public Memory<byte> Buffer => _bytes;

            public float[] Complete() => _bytes.Select(b => b == 1 ? 1f : -1f).ToArray();
        }
    }

    [Fact]
    public void A_lossless_codec_sends_the_values_even_with_a_reference()
    {
        var w = WeightSet(("w", [1f, 2f]));

        var e = Assert.Single(WeightsEncoding.Encode(w, Codec("fp32"), "model", Seeds.Generator(0), reference: WeightSet(("w", [5f, 5f]))));

        Assert.False(e.Encoding.Relative);
        Assert.Equal([1f, 2f], CodecRuns.Decode(Codec("fp32"), e, 2));
    }

    [Fact]
    public void A_lossy_codec_sends_the_update_against_the_reference_and_marks_it_relative()
    {
        var reference = WeightSet(("w", [1000f, -1000f]));
        var w = WeightSet(("w", [1000.5f, -999.25f]));

        var e = Assert.Single(WeightsEncoding.Encode(w, Codec("fp16"), "model", Seeds.Generator(0), reference));

        Assert.True(e.Encoding.Relative);
        // The update [0.5, 0.75] is exact in half precision, where the weights themselves would lose their fraction.
        Assert.Equal([0.5f, 0.75f], CodecRuns.Decode(Codec("fp16"), e, 2));
    }

    [Fact]
    public void With_error_feedback_what_was_sent_plus_the_residual_is_the_sum_of_the_true_updates()
    {
        var codec = new UnitSign();
        var residuals = new Residuals();
        var reference = WeightSet(("w", [0f, 0f, 0f]));
        float[][] updates = [[0.3f, -2f, 0.1f], [0.3f, 0.5f, -0.4f], [-1.2f, 0.25f, 0.05f]];
        var sent = new float[3];

        foreach (var u in updates)
        {
            var e = Assert.Single(WeightsEncoding.Encode(WeightSet(("w", u)), codec, "model", Seeds.Generator(0), reference, residuals));
            var delivered = CodecRuns.Decode(codec, e, 3);
            for (var j = 0; j < 3; j++) sent[j] += delivered[j];
        }

        var residual = residuals.Of("model/w")!;
        for (var j = 0; j < 3; j++)
            Assert.Equal(updates.Sum(u => u[j]), sent[j] + residual[j], 5);
    }

    [Fact]
    public void Residuals_are_kept_per_group_and_tensor()
    {
        var residuals = new Residuals();
        WeightsEncoding.Encode(WeightSet(("w", [0.3f])), new UnitSign(), "model", Seeds.Generator(0), WeightSet(("w", [0f])), residuals);
        WeightsEncoding.Encode(WeightSet(("w", [-0.3f])), new UnitSign(), "payload", Seeds.Generator(0), null, residuals);

        Assert.Equal(0.3f - 1f, residuals.Of("model/w")![0], 6);
        Assert.Equal(-0.3f + 1f, residuals.Of("payload/w")![0], 6);
    }
}
