using FedSim.Core.Systems;

namespace FedSim.Core.Tests.Systems;

public sealed class RoundClockTests
{
    private static PartyTiming P(int id, double seconds, bool answered = true, bool dropped = false) => new(id, seconds, answered, dropped);

    [Fact]
    public void Without_rules_everyone_counts_and_the_round_lasts_as_long_as_its_slowest_party()
    {
        var t = RoundClock.Settle([P(0, 3), P(1, 7.5), P(2, 1)], wanted: 3, deadline: null);

        Assert.All(t.Verdicts.Values, v => Assert.Equal(PartyVerdict.Counted, v));
        Assert.Equal(7.5, t.Seconds);
    }

    [Fact]
    public void A_deadline_fails_exactly_the_slower_parties_and_the_round_waits_until_it()
    {
        var t = RoundClock.Settle([P(0, 3), P(1, 10.0001), P(2, 10), P(3, 40)], wanted: 4, deadline: 10);

        Assert.Equal([PartyVerdict.Counted, PartyVerdict.Deadline, PartyVerdict.Counted, PartyVerdict.Deadline], t.Verdicts.OrderBy(v => v.Key).Select(v => v.Value));
        Assert.Equal(10, t.Seconds);
        // Everyone in time: the round ends with its last party, not at the deadline.
        Assert.Equal(6, RoundClock.Settle([P(0, 3), P(1, 6)], 2, 10).Seconds);
    }

    [Fact]
    public void Over_commitment_counts_the_first_k_to_finish_and_ends_with_the_kth()
    {
        Assert.Equal(13, RoundClock.Sampled(10, 1.3, 100));
        Assert.Equal(12, RoundClock.Sampled(10, 1.3, 12));
        Assert.Equal(10, RoundClock.Sampled(10, 1, 100));

        var t = RoundClock.Settle([P(5, 9), P(1, 2), P(2, 4), P(3, 4), P(4, 8)], wanted: 3, deadline: null);

        // Ties go by party id: party 2 finishes "before" party 3.
        Assert.Equal([1, 2, 3], t.Verdicts.Where(v => v.Value == PartyVerdict.Counted).Select(v => v.Key).Order());
        Assert.Equal([4, 5], t.Verdicts.Where(v => v.Value == PartyVerdict.Late).Select(v => v.Key).Order());
        Assert.Equal(4, t.Seconds);
    }

    [Fact]
    public void Dropped_and_failed_parties_never_count_and_late_parties_fill_in_for_them()
    {
        var t = RoundClock.Settle([P(0, 1, dropped: true), P(1, double.NaN, answered: false), P(2, 5), P(3, 6), P(4, 7)], wanted: 2, deadline: null);

        Assert.Equal(PartyVerdict.Dropout, t.Verdicts[0]);
        Assert.Equal(PartyVerdict.Failed, t.Verdicts[1]);
        Assert.Equal([PartyVerdict.Counted, PartyVerdict.Counted, PartyVerdict.Late], [t.Verdicts[2], t.Verdicts[3], t.Verdicts[4]]);
        Assert.Equal(6, t.Seconds);
    }

    [Fact]
    public void Dropout_draws_are_seeded_per_round_and_party_and_match_their_probability()
    {
        var drops = Enumerable.Range(0, 20_000).Count(p => RoundClock.DropsOut(seed: 1, round: 3, party: p, probability: 0.2));

        Assert.InRange(drops / 20_000.0, 0.19, 0.21);
        Assert.Equal(RoundClock.DropsOut(1, 3, 17, 0.5), RoundClock.DropsOut(1, 3, 17, 0.5));
        Assert.False(RoundClock.DropsOut(1, 3, 17, 0));
    }
}
