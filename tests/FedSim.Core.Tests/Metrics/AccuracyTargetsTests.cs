using FedSim.Core.Metrics;

namespace FedSim.Core.Tests.Metrics;

public sealed class AccuracyTargetsTests
{
    [Fact]
    public void Each_target_gets_the_first_point_at_or_above_it_or_nulls()
    {
        ProgressPoint[] points = [new(1, 0.42, 10, 100, 200), new(2, 0.70, 25, 250, 400), new(3, 0.65, 31, 300, 600), new(4, 0.81, 40, 420, 800)];

        var crossings = AccuracyTargets.Crossings(points, [0.5, 0.7, 0.8, 0.9]);

        Assert.Equal(new TargetCrossing(0.5, 2, 25, 250, 400), crossings[0]);
        Assert.Equal(new TargetCrossing(0.7, 2, 25, 250, 400), crossings[1]); // reaching it exactly counts
        Assert.Equal(new TargetCrossing(0.8, 4, 40, 420, 800), crossings[2]);
        Assert.Equal(new TargetCrossing(0.9, null, null, null, null), crossings[3]);
        Assert.Equal(1220, crossings[2].Bytes);
        Assert.Null(crossings[3].Bytes);
    }
}
