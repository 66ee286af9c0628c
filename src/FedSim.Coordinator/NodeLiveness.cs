using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator;

/// <summary>
/// Watches the registered nodes: one that has not called (heartbeat, download, upload) for <see cref="CoordinatorState.NodeTimeout"/>
/// is marked gone, which fails its in-flight tasks and frees its parties; the node may register again.
/// </summary>
internal sealed class NodeLiveness : IDisposable
{
    private readonly ITimer _timer;

    public NodeLiveness(CoordinatorState state, ILogger logger)
    {
        var period = TimeSpan.FromMilliseconds(Math.Max(50, state.HeartbeatIntervalMs / 2.0));
        _timer = state.Time.CreateTimer(_ =>
        {
            foreach (var node in state.Registry.MarkSilentGone(state.NodeTimeout))
                if (logger.IsEnabled(LogLevel.Warning)) logger.NodeSilent(node.Name, node.Id, Core.RangeText.Format(node.PartyIds));
        }, null, period, period);
    }

    public void Dispose() => _timer.Dispose();
}
