using FedSim.Core.Randomness;

namespace FedSim.Core.Systems;

/// <summary>
/// The event order of asynchronous FL, decided by simulated time alone. <c>concurrency</c> parties are in flight at
/// once, each drawn (seeded) from the idle ones when a slot frees. The next event is the in-flight party with the
/// earliest finish, but only once that is certain: its finish must be known (its real result arrived) and earlier than
/// the earliest possible finish of every flight still training. Until then the loop waits for real results, so the
/// order, and the whole run, does not depend on how fast the real parties were; flights still overlap in real time.
/// With <paramref name="availability"/>, only a party online at a draw can start: a slot nobody online can fill waits
/// for the next event, and with nothing in flight the clock moves on to when a trace brings someone online.
/// </summary>
public sealed class AsyncClock(int parties, int concurrency, int seed, Availability? availability = null)
{
    /// <summary>Draws in a row that may find nobody online (with nothing in flight) before the run is stopped.</summary>
    public const int MaxEmptyDraws = 10_000;

    private readonly List<AsyncFlight> _flights = [];
    private int _draws;
    private bool _waiting;
    private int _nextId;

    /// <summary>The simulated time of the last event.</summary>
    public double Now { get; private set; }

    public IReadOnlyList<AsyncFlight> InFlight => _flights;

    /// <summary>
    /// Starts flights at <see cref="Now"/> until <c>concurrency</c> are in flight (or no party is idle), each from
    /// server version <paramref name="version"/>; <paramref name="minSeconds"/> gives a party's least possible time.
    /// </summary>
    public IReadOnlyList<AsyncFlight> Fill(int version, Func<int, double> minSeconds)
    {
        var started = new List<AsyncFlight>();
        var empty = 0;
        // A slot nobody online could fill is tried again only after the next event (not each time the loop waits).
        while (!_waiting && _flights.Count < Math.Min(concurrency, parties))
        {
            var draw = _draws++;
            var online = availability?.OnlineForStart(draw, Now);
            var idle = Enumerable.Range(0, parties).Where(p => _flights.All(f => f.PartyId != p) && (online is null || online.Contains(p))).ToList();
            if (idle.Count == 0)
            {
                if (_waiting = _flights.Count > 0) break;
                if (++empty >= MaxEmptyDraws || !double.IsFinite(availability!.NextOnline(Now)))
                    throw new InvalidOperationException($"no party is online to start at simulated second {Now:0.###} ({empty} draws); check system.availability or the availability trace");
                Now = availability.NextOnline(Now);
                continue;
            }
            var party = idle[Seeds.Stream(seed, Seeds.Purpose.AsyncSampling, draw).Next(idle.Count)];
            var flight = new AsyncFlight(_nextId++, party, version, Now, Now + minSeconds(party));
            _flights.Add(flight);
            started.Add(flight);
        }
        return started;
    }

    /// <summary>A flight's real result arrived: its simulated seconds (at least its earliest finish allows) are now known.</summary>
    public void Finished(int id, double seconds)
    {
        var flight = _flights.Single(f => f.Id == id);
        flight.Finish = Math.Max(flight.Start + seconds, flight.EarliestFinish);
    }

    /// <summary>A flight that failed for real: it leaves without an event (its slot is refilled at the current time).</summary>
    public void Failed(int id)
    {
        _flights.RemoveAll(f => f.Id == id);
        _waiting = false;
    }

    /// <summary>The next event if it is certain (see the class summary), else null: wait for more real results.</summary>
    public AsyncFlight? Next()
    {
        var known = _flights.Where(f => f.Finish is not null).OrderBy(f => f.Finish).ThenBy(f => f.PartyId).FirstOrDefault();
        if (known is null) return null;
        var open = _flights.Where(f => f.Finish is null).Select(f => f.EarliestFinish).DefaultIfEmpty(double.PositiveInfinity).Min();
        return known.Finish < open ? known : null;
    }

    /// <summary>Takes the event: the clock moves to its finish and its slot frees.</summary>
    public void Pop(AsyncFlight flight)
    {
        if (!_flights.Remove(flight)) throw new InvalidOperationException($"flight {flight.Id} is not in flight");
        _waiting = false;
        Now = flight.Finish ?? throw new InvalidOperationException($"flight {flight.Id} has not finished");
    }
}
