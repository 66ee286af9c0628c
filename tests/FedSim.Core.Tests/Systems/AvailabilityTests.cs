using FedSim.Core.Algorithms;
using FedSim.Core.Systems;
using FedSim.Core.Systems.Traces;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Systems;

public sealed class AvailabilityTests
{
    [Fact]
    public void Everyone_is_online_by_default_and_the_sample_is_NIID_Bench_s()
    {
        var system = TestScenarios.Parse("name: x\n").System;

        Assert.Null(new Availability(system, 10, 0, null).Online(1, 0));
        var all = new RoundContext(3, 10, 4, 7);
        Assert.Equal(all.Sample(), (all with { Online = Enumerable.Range(0, 10).ToHashSet() }).Sample());
    }

    [Fact]
    public void A_round_samples_only_online_parties_in_the_order_of_the_same_shuffle()
    {
        var round = new RoundContext(3, 10, 4, 7);
        var online = new HashSet<int> { 0, 2, 3, 5, 8, 9 };

        var sample = (round with { Online = online }).Sample();

        Assert.Equal(4, sample.Length);
        Assert.All(sample, p => Assert.Contains(p, online));
        Assert.Equal([2, 5], (round with { Online = new HashSet<int> { 2, 5 } }).Sample()); // fewer online than wanted: all of them
        // Online parties the full sample chose stay chosen.
        Assert.All(round.Sample().Where(online.Contains), p => Assert.Contains(p, sample));
    }

    [Fact]
    public void A_probability_draws_each_party_per_round_with_that_chance_and_the_same_draws_each_time()
    {
        var system = TestScenarios.Parse("system:\n  availability: 0.3\n").System;
        var availability = new Availability(system, 1000, 4, null);

        var online = availability.Online(5, 0)!;

        Assert.InRange(online.Count, 250, 350);
        Assert.Equal(online, availability.Online(5, 123)); // the clock does not matter, the round does
        Assert.NotEqual(online, availability.Online(6, 0));
    }

    [Fact]
    public void A_behaviour_trace_puts_party_i_on_its_i_th_client_s_intervals_at_the_simulated_time()
    {
        var system = TestScenarios.Parse("name: x\n").System;
        TraceAvailability[] trace = [new(1, [0], [100], 1000), new(2, [50], [150], 1000)];
        var availability = new Availability(system, 3, 0, trace);

        Assert.Equal([0, 2], availability.Online(1, 10)!.Order()); // party 2 cycles back to client 1
        Assert.Equal([0, 1, 2], availability.Online(1, 75)!.Order());
        Assert.Equal([1], availability.Online(1, 1120)!.Order());
        Assert.Empty(availability.Online(1, 500)!);
    }

    [Fact]
    public void Next_online_is_now_when_someone_is_online_else_the_next_start_of_an_interval_cycling_with_the_trace()
    {
        TraceAvailability client = new(1, [100, 300], [200, 400], 1000);

        Assert.Equal(150, client.NextOnline(150));
        Assert.Equal(300, client.NextOnline(250));
        Assert.Equal(1100, client.NextOnline(450)); // the next cycle's first interval
        Assert.True(client.IsOnline(client.NextOnline(2450)));
        Assert.Equal(double.PositiveInfinity, new TraceAvailability(2, [], [], 1000).NextOnline(5));

        var system = TestScenarios.Parse("name: x\n").System;
        var availability = new Availability(system, 2, 0, [client, new(2, [700], [800], 1000)]);
        Assert.Equal(700, availability.NextOnline(450));
    }

    [Fact]
    public void Async_starts_draw_their_own_coins_per_draw_and_never_a_round_s()
    {
        var system = TestScenarios.Parse("system:\n  availability: 0.5\n").System;
        var availability = new Availability(system, 200, 4, null);

        Assert.Equal(availability.OnlineForStart(3, 0), availability.OnlineForStart(3, 99));
        Assert.NotEqual(availability.OnlineForStart(3, 0), availability.OnlineForStart(4, 0));
        Assert.NotEqual(availability.Online(1, 0), availability.OnlineForStart(0, 0));
        Assert.Equal(0.0, availability.NextOnline(17) - 17); // no trace: no time to wait for, the next draw decides
    }

    [Fact]
    public void A_device_trace_sets_compute_and_both_bandwidths_and_leaves_the_latency_drawn()
    {
        var system = TestScenarios.Parse("system:\n  latency_ms: 25\n  trace_compute_factor: 2\n").System;
        TraceDevice[] trace = [new(10, 1.5, 4000), new(11, 0.5, 250)];

        var profiles = DeviceProfiles.Draw(system, 3, 0, trace);

        Assert.Equal([new(3, 4, 4, 25), new DeviceProfile(1, 0.25, 0.25, 25), new DeviceProfile(3, 4, 4, 25)], profiles);
    }

    [Theory]
    [InlineData("system:\n  device_trace: d.pkl\n  bandwidth_up_mbps: 5\n", "system.bandwidth_up_mbps")]
    [InlineData("system:\n  availability_trace: b.pkl\n  availability: 0.5\n", "system.availability")]
    public void A_trace_and_the_settings_it_replaces_are_not_both_accepted(string yaml, string field)
    {
        var e = Assert.Single(Assert.Throws<FedSim.Core.Scenarios.ScenarioException>(() => TestScenarios.Parse(yaml)).Errors);

        Assert.Equal(field, e.Field);
        Assert.Contains("remove one of the two", e.Message);
    }
}
