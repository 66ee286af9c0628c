using FedSim.Party;
using Grpc.Core;

namespace FedSim.Coordinator.Tests;

/// <summary>How a party node tells "its caller stopped it" from a failure.</summary>
public sealed class PartyNodeStopTests
{
    [Theory]
    [InlineData(StatusCode.Cancelled)]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.Internal)]
    public void Once_the_caller_has_cancelled_any_rpc_failure_is_the_stop_and_before_that_none_is(StatusCode code)
    {
        // Seen in CI: the run ended, the node was cancelled while the coordinator's stop was still in its buffer, and
        // the read failed with Unavailable ("The request was aborted"), which crashed a completed run.
        var e = new RpcException(new Status(code, "Error reading next message. IOException: The request was aborted."));
        using var cts = new CancellationTokenSource();

        Assert.False(PartyNode.EndedByCaller(e, cts.Token));
        cts.Cancel();
        Assert.True(PartyNode.EndedByCaller(e, cts.Token));
    }

    [Fact]
    public void A_bug_is_not_mistaken_for_the_stop()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.True(PartyNode.EndedByCaller(new OperationCanceledException(cts.Token), cts.Token));
        Assert.False(PartyNode.EndedByCaller(new InvalidOperationException("bug"), cts.Token));
    }
}
