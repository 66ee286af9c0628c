namespace FedSim.Coordinator.Tests;

/// <summary>A clock that moves only when told to (timestamps in ticks).</summary>
internal sealed class ManualTime : TimeProvider
{
    private long _ticks = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => new(new DateTime(GetTimestamp(), DateTimeKind.Utc));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
