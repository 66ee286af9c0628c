using FedSim.Core.Weights;
using FedSim.Protos.Conversion;

namespace FedSim.Coordinator.Tests;

public sealed class DeltaDownlinkTests
{
    private static readonly LinkCodec Int8 = LinkCodec.Of(TestRuns.Scenario("name: d\ncompression:\n  downlink: int8\n").Compression.Downlink, "downlink");

    /// <summary>A model of 1,000 values around 1 (round 1), and one a small step from it (round 2).</summary>
    private static ModelWeights Model(int seed, ModelWeights? from = null, float step = 0.01f)
    {
        var rng = new Random(seed);
        var values = Enumerable.Range(0, 1000).Select(i => from is null ? 1f + (float)rng.NextDouble() : from[0].Span[i] + step * (float)(rng.NextDouble() - 0.5)).ToArray();
        return new ModelWeights([new NamedTensor("w", [1000], values)]);
    }

    private static DownlinkModel Whole(ModelWeights global, int round)
    {
        var encoded = Int8.Encode(global, Core.Randomness.Seeds.Generator(round));
        return new DownlinkModel(round, 0, encoded, encoded.Decode(Int8.Codec));
    }

    private static float MaxError(ModelWeights a, ModelWeights b) =>
        a[0].Span.ToArray().Zip(b[0].Span.ToArray(), (x, y) => Math.Abs(x - y)).Max();

    [Fact]
    public void A_node_holding_an_earlier_model_gets_the_difference_with_an_error_on_the_scale_of_the_change()
    {
        var delta = new DeltaDownlink(Int8, seed: 0);
        var g1 = Model(1);
        var g2 = Model(2, g1);
        var first = delta.For("node-1", [], g1, 1, () => Whole(g1, 1));
        Assert.Equal((1L, 0L), (first.Id, first.BaseId));

        var second = delta.For("node-1", [first.Id], g2, 2, () => Whole(g2, 2));

        Assert.Equal(first.Id, second.BaseId);
        Assert.Equal(HeldModels.DeltaId(2, first.Id), second.Id);
        Assert.True(second.Encoded.Tensors[0].Encoding.Relative);
        // int8 over a range of 1 has a step of 1/255; over the round's change (0.01 plus round 1's error) far less.
        Assert.True(MaxError(Whole(g2, 2).Received, g2) > 1e-3f);
        Assert.True(MaxError(second.Received, g2) < 1e-4f, $"max error {MaxError(second.Received, g2)}");
    }

    [Fact]
    public void What_the_mirror_holds_is_bit_for_bit_what_the_node_reconstructs()
    {
        var delta = new DeltaDownlink(Int8, seed: 0);
        var g1 = Model(1);
        var first = delta.For("node-1", [], g1, 1, () => Whole(g1, 1));
        var second = delta.For("node-1", [first.Id], Model(2, g1), 2, () => throw new InvalidOperationException("sent whole"));

        var groups = new List<TensorGroup> { new(TensorGroup.Model, second.Encoded) };
        var assembler = new TensorAssembler(TensorChunker.Specs(groups), Int8);
        foreach (var chunk in TensorChunker.Chunks(groups)) assembler.Add(chunk);
        var node = assembler.Complete(_ => first.Received)[TensorGroup.Model];

        Assert.Equal(second.Received[0].Span.ToArray(), node[0].Span.ToArray());
    }

    [Fact]
    public void The_base_is_the_newest_earlier_model_the_node_still_holds_and_one_encoding_serves_every_node_on_it()
    {
        var delta = new DeltaDownlink(Int8, seed: 0);
        var g1 = Model(1);
        var g2 = Model(2, g1);
        var g3 = Model(3, g2);
        var m1 = delta.For("a", [], g1, 1, () => Whole(g1, 1));
        delta.For("b", [], g1, 1, () => Whole(g1, 1));
        var m2 = delta.For("a", [m1.Id], g2, 2, () => Whole(g2, 2));

        // Round 3: a holds rounds 1 and 2 (and a sibling task's round-3 model, which is no base); b only round 1.
        var a3 = delta.For("a", [m1.Id, m2.Id, HeldModels.DeltaId(3, m2.Id)], g3, 3, () => Whole(g3, 3));
        var b3 = delta.For("b", [m1.Id], g3, 3, () => Whole(g3, 3));
        var again = delta.For("c", [], g3, 3, () => Whole(g3, 3));
        var b3Again = delta.For("b", [m1.Id], g3, 3, () => Whole(g3, 3));

        Assert.Equal(m2.Id, a3.BaseId);
        Assert.Equal(m1.Id, b3.BaseId);
        Assert.Equal(0, again.BaseId); // c never fetched: whole
        Assert.Same(b3, b3Again);
        // A held id the mirror never sent is no base either.
        Assert.Equal(0, delta.For("d", [m1.Id], g3, 3, () => Whole(g3, 3)).BaseId);
    }
}
