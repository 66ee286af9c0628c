using FedSim.Core.Metrics;
using static FedSim.Core.Tests.TestSupport.Tensors;

namespace FedSim.Core.Tests.Metrics;

public sealed class UpdateTrackerTests
{
    [Fact]
    public void Orthogonal_unit_updates_have_norm_one_and_cosine_one_over_root_two_to_their_mean()
    {
        // Updates [1, 0] and [0, 1] from a zero global; the aggregate update is [1/2, 1/2] with norm 1/sqrt(2), so
        // cos = (1/2) / (1 * 1/sqrt(2)) = 1/sqrt(2).
        var tracker = new UpdateTracker(WeightSet(("w", [0f, 0f])), 1 << 20);
        tracker.Add(3, WeightSet(("w", [1f, 0f])));
        tracker.Add(8, WeightSet(("w", [0f, 1f])));

        var stats = tracker.Finish(WeightSet(("w", [0.5f, 0.5f])));

        Assert.Equal([3, 8], stats.Keys.Order());
        Assert.All(stats.Values, s => Assert.Equal(1.0, s.UpdateNorm, 6));
        Assert.All(stats.Values, s => Assert.Equal(1 / Math.Sqrt(2), s.CosineToAggregate, 6));
        Assert.Equal(3, stats[3].PartyId);
    }

    [Fact]
    public void Updates_are_measured_from_the_global_model_not_from_zero()
    {
        // Global [1, 1], party [4, 5]: update [3, 4], norm 5. Aggregate [1, 1] + [6, 8]: same direction, cosine 1.
        var tracker = new UpdateTracker(WeightSet(("w", [1f, 1f])), 1 << 20);
        tracker.Add(0, WeightSet(("w", [4f, 5f])));

        var stats = tracker.Finish(WeightSet(("w", [7f, 9f])));

        Assert.Equal(5.0, stats[0].UpdateNorm, 6);
        Assert.Equal(1.0, stats[0].CosineToAggregate, 6);
    }

    [Fact]
    public void Updates_spanning_several_tensors_are_measured_as_one_vector()
    {
        // Global a = [1], b = [0, 0]. Party 0: a = [3], b = [0, 0] -> update [2, 0, 0], norm 2. Party 1: a = [1],
        // b = [0, 3] -> update [0, 0, 3], norm 3. Aggregate a = [2], b = [0, 1] -> update [1, 0, 1], norm sqrt(2):
        // cosines 2 / (2 sqrt(2)) and 3 / (3 sqrt(2)), both 1/sqrt(2). Each figure uses its own update, although the
        // updates are compared one after another.
        var tracker = new UpdateTracker(WeightSet(("a", [1f]), ("b", [0f, 0f])), 1 << 20);
        tracker.Add(0, WeightSet(("a", [3f]), ("b", [0f, 0f])));
        tracker.Add(1, WeightSet(("a", [1f]), ("b", [0f, 3f])));

        var stats = tracker.Finish(WeightSet(("a", [2f]), ("b", [0f, 1f])));

        Assert.Equal(2.0, stats[0].UpdateNorm, 6);
        Assert.Equal(3.0, stats[1].UpdateNorm, 6);
        Assert.All(stats.Values, s => Assert.Equal(1 / Math.Sqrt(2), s.CosineToAggregate, 6));
    }

    [Fact]
    public void An_unchanged_aggregate_gives_cosine_zero()
    {
        var g = WeightSet(("w", [1f, 2f]));
        var tracker = new UpdateTracker(g, 1 << 20);
        tracker.Add(0, WeightSet(("w", [2f, 2f])));

        var stats = tracker.Finish(g);

        Assert.Equal(1.0, stats[0].UpdateNorm, 6);
        Assert.Equal(0.0, stats[0].CosineToAggregate);
    }

    [Fact]
    public void Past_the_memory_budget_norms_stay_and_cosines_become_nan()
    {
        // Each update is 2 floats = 8 bytes; a 12-byte budget holds one.
        var tracker = new UpdateTracker(WeightSet(("w", [0f, 0f])), 12);
        tracker.Add(0, WeightSet(("w", [3f, 4f])));
        Assert.False(tracker.CosinesDropped);
        tracker.Add(1, WeightSet(("w", [0f, 2f])));

        var stats = tracker.Finish(WeightSet(("w", [1f, 1f])));

        Assert.True(tracker.CosinesDropped);
        Assert.Equal(5.0, stats[0].UpdateNorm, 6);
        Assert.Equal(2.0, stats[1].UpdateNorm, 6);
        Assert.All(stats.Values, s => Assert.True(double.IsNaN(s.CosineToAggregate)));
    }

    [Fact]
    public void An_update_with_another_layout_is_refused()
    {
        var tracker = new UpdateTracker(WeightSet(("w", [0f, 0f])), 1 << 20);

        var e = Assert.Throws<InvalidDataException>(() => tracker.Add(5, WeightSet(("v", [1f, 1f]))));

        Assert.Contains("party 5", e.Message);
    }

    [Fact]
    public void An_update_against_an_older_version_is_measured_from_that_version_and_compared_with_the_step_s_change()
    {
        // Step starts at [1, 1]; a party that started from [0, 0] sends [3, 4]: its update is [3, 4] (norm 5), and
        // the step moves the model to [1.6, 1.8] ([0.6, 0.8], the same direction): cosine 1. A party from the current
        // version takes the usual path.
        var current = WeightSet(("w", [1f, 1f]));
        var tracker = new UpdateTracker(current, 1 << 20);
        tracker.Add(0, WeightSet(("w", [3f, 4f])), WeightSet(("w", [0f, 0f])));
        tracker.Add(1, WeightSet(("w", [1f, 2f])), current);

        var stats = tracker.Finish(WeightSet(("w", [1.6f, 1.8f])));

        Assert.Equal(5.0, stats[0].UpdateNorm, 6);
        Assert.Equal(1.0, stats[0].CosineToAggregate, 6);
        Assert.Equal(1.0, stats[1].UpdateNorm, 6); // [0, 1]
        Assert.Equal(0.8, stats[1].CosineToAggregate, 6); // [0, 1] . [0.6, 0.8] / 1
    }
}
