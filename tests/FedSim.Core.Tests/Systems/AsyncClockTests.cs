using FedSim.Core.Systems;

namespace FedSim.Core.Tests.Systems;

public sealed class AsyncClockTests
{
    /// <summary>Runs the clock with the given simulated seconds per party, revealing results in the given real order; returns the event order.</summary>
    private static List<(int Party, double At, int StartVersion)> Events(Func<int, double> seconds, Func<IReadOnlyList<AsyncFlight>, AsyncFlight> reveal, int events)
    {
        var clock = new AsyncClock(parties: 6, concurrency: 3, seed: 5);
        var order = new List<(int, double, int)>();
        var version = 0;
        while (order.Count < events)
        {
            clock.Fill(version, _ => 0.5);
            if (clock.Next() is { } next)
            {
                clock.Pop(next);
                order.Add((next.PartyId, clock.Now, next.StartVersion));
                if (order.Count % 2 == 0) version++;
                continue;
            }
            var open = clock.InFlight.Where(f => f.Finish is null).ToList();
            var flight = reveal(open);
            clock.Finished(flight.Id, seconds(flight.PartyId));
        }
        return order;
    }

    private static double Speed(int party) => 1 + party * 0.7;

    [Fact]
    public void The_event_order_depends_on_simulated_time_not_on_the_order_real_results_arrive()
    {
        var firstStarted = Events(Speed, open => open[0], 20);
        var lastStarted = Events(Speed, open => open[^1], 20);

        Assert.Equal(firstStarted, lastStarted);
        Assert.Equal(firstStarted.Select(e => e.At).Order(), firstStarted.Select(e => e.At)); // time never runs backwards
        Assert.True(firstStarted.Select(e => e.Party).Distinct().Count() > 3);
    }

    [Fact]
    public void Fast_parties_arrive_first_and_updates_from_old_versions_arrive_stale()
    {
        var events = Events(p => p < 4 ? 0.6 : 20, open => open[0], 60);

        Assert.All(events.Where(e => e.At < 20), e => Assert.True(e.Party < 4));
        Assert.True(events.Count(e => e.At < 20) >= 10);
        // A slow party arrives many server steps (two events each) after the version it started from.
        Assert.Contains(events.Select((e, i) => (e, Version: i / 2)), x => x.e.Party >= 4 && x.Version - x.e.StartVersion >= 10);
    }

    [Fact]
    public void Fill_keeps_concurrency_distinct_parties_in_flight_and_waits_until_the_next_event_is_certain()
    {
        var clock = new AsyncClock(parties: 4, concurrency: 3, seed: 1);

        var started = clock.Fill(0, p => 1.0);

        Assert.Equal(3, started.Count);
        Assert.Equal(3, started.Select(f => f.PartyId).Distinct().Count());
        Assert.Empty(clock.Fill(0, p => 1.0));
        Assert.Null(clock.Next());
        clock.Finished(started[0].Id, 5); // known, but the others may still finish at 1.0
        Assert.Null(clock.Next());
        clock.Finished(started[1].Id, 0.2); // below its earliest finish: raised to it
        Assert.Equal(1.0, started[1].Finish);
        clock.Finished(started[2].Id, 3);
        Assert.Equal(started[1], clock.Next());
        clock.Pop(started[1]);
        Assert.Equal(1.0, clock.Now);
        var refill = Assert.Single(clock.Fill(1, p => 1.0));
        Assert.Equal((1.0, 2.0, 1), (refill.Start, refill.EarliestFinish, refill.StartVersion));
    }

    [Fact]
    public void A_failed_flight_leaves_without_an_event_and_its_slot_refills()
    {
        var clock = new AsyncClock(parties: 3, concurrency: 2, seed: 1);
        var started = clock.Fill(0, _ => 0);

        clock.Failed(started[0].Id);

        Assert.Single(clock.InFlight);
        Assert.Single(clock.Fill(0, _ => 0));
        Assert.Equal(0, clock.Now);
    }
}
