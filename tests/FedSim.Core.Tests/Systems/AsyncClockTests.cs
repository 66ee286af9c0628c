using FedSim.Core.Systems;
using FedSim.Core.Systems.Traces;
using FedSim.Core.Tests.TestSupport;

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

    [Fact]
    public void Only_online_parties_start_a_slot_nobody_can_fill_waits_for_the_next_event_and_an_empty_clock_waits_for_the_trace()
    {
        var system = TestScenarios.Parse("name: x\n").System;
        // Party 0 online during [0, 10], party 1 during [5, 20], party 2 from 50 on (each cycle of 100 s).
        TraceAvailability[] trace = [new(1, [0], [10], 100), new(2, [5], [20], 100), new(3, [50], [99], 100)];
        var clock = new AsyncClock(parties: 3, concurrency: 3, seed: 1, new Availability(system, 3, 0, trace));

        var first = Assert.Single(clock.Fill(0, _ => 6));
        Assert.Equal(0, first.PartyId);
        Assert.Empty(clock.Fill(0, _ => 6)); // waiting: nobody else is online at 0
        clock.Finished(first.Id, 6);
        clock.Pop(Assert.IsType<AsyncFlight>(clock.Next()));
        var both = clock.Fill(1, _ => 30); // at 6 parties 0 and 1 are online
        Assert.Equal([0, 1], both.Select(f => f.PartyId));
        foreach (var f in both) clock.Finished(f.Id, 30);
        clock.Pop(Assert.IsType<AsyncFlight>(clock.Next()));
        Assert.Empty(clock.Fill(2, _ => 1)); // at 36 party 1 is still in flight and no idle party is online
        clock.Pop(Assert.IsType<AsyncFlight>(clock.Next()));
        Assert.Equal(36, clock.Now);
        // At 36 nobody is online and nothing is in flight: the clock moves to 50, when party 2 comes online.
        var third = Assert.Single(clock.Fill(2, _ => 1));
        Assert.Equal((2, 50.0), (third.PartyId, third.Start));
    }

    [Fact]
    public void With_a_probability_the_event_order_still_depends_on_simulated_time_alone()
    {
        var availability = new Availability(TestScenarios.Parse("system:\n  availability: 0.4\n").System, 6, 2, null);
        List<(int, double, int)> Run(bool firstRevealed)
        {
            var clock = new AsyncClock(parties: 6, concurrency: 3, seed: 5, availability);
            var order = new List<(int, double, int)>();
            while (order.Count < 30)
            {
                clock.Fill(order.Count, _ => 0.5);
                clock.Fill(order.Count, _ => 0.5); // the loop may call it again while it waits: no new draws
                if (clock.Next() is { } next)
                {
                    clock.Pop(next);
                    order.Add((next.PartyId, clock.Now, next.StartVersion));
                    continue;
                }
                var open = clock.InFlight.Where(f => f.Finish is null).ToList();
                var flight = firstRevealed ? open[0] : open[^1];
                clock.Finished(flight.Id, 1 + flight.PartyId * 0.7);
            }
            return order;
        }

        Assert.Equal(Run(true), Run(false));
    }

    [Fact]
    public void A_clock_with_nobody_ever_online_stops_with_a_clear_error()
    {
        var system = TestScenarios.Parse("name: x\n").System;
        var clock = new AsyncClock(parties: 2, concurrency: 1, seed: 1, new Availability(system, 2, 0, [new TraceAvailability(1, [], [], 100)]));

        var e = Assert.Throws<InvalidOperationException>(() => clock.Fill(0, _ => 1));
        Assert.Contains("no party is online", e.Message);
    }
}
