using FedSim.Core.Weights;
using FedSim.Protos.Conversion;

namespace FedSim.Protos.Tests.Conversion;

public sealed class HeldModelsTests
{
    private static ModelWeights One(float v) => new([new NamedTensor("w", [1], [v])]);

    [Fact]
    public void Keeps_the_newest_models_and_forgets_the_oldest_past_capacity()
    {
        var held = new HeldModels(capacity: 2);
        held.Keep(1, One(1));
        held.Keep(2, One(2));
        held.Keep(2, One(99)); // once per id: the first stays
        held.Keep(3, One(3));

        Assert.Equal([2L, 3L], held.Ids);
        Assert.Null(held.Find(1));
        Assert.Equal(2f, held.Find(2)![0].Span[0]);
    }

    [Fact]
    public void A_capacity_below_two_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeldModels(capacity: 1));
    }

    [Fact]
    public void Delta_ids_never_collide_with_rounds_and_depend_on_round_and_base()
    {
        var ids = new HashSet<long>();
        for (var round = 1; round <= 50; round++)
            for (long basis = 1; basis < round; basis++)
            {
                var id = HeldModels.DeltaId(round, basis);
                Assert.InRange(id, 1L << 62, long.MaxValue);
                Assert.True(ids.Add(id), $"round {round} on {basis} repeats an id");
            }
        Assert.Equal(HeldModels.DeltaId(7, 3), HeldModels.DeltaId(7, 3));
        Assert.NotEqual(HeldModels.DeltaId(7, 3), HeldModels.DeltaId(7, HeldModels.DeltaId(6, 3)));
    }
}
