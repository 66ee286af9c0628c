using FedSim.Protos.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace FedSim.Party;

/// <summary>A node's registration with the coordinator, retried while the coordinator is not up and while every party is hosted.</summary>
internal static class NodeRegistration
{
    /// <summary>Registers (retrying while the coordinator is not up, standing by while every party is hosted); null when the run has ended.</summary>
    public static async Task<RegisterReply?> RegisterAsync(Federation.FederationClient client, PartyNodeOptions options, IReadOnlyList<int> partyIds,
        bool registeredBefore, ILogger log, CancellationToken ct)
    {
        var request = new RegisterRequest
        {
            ProtocolVersion = ProtocolVersion._2,
            NodeName = options.Name,
            Concurrency = options.Workers,
            Token = options.Token ?? "",
        };
        request.PartyIds.AddRange(partyIds);
        var deadline = options.Time.GetUtcNow() + options.ConnectTimeout;
        var delay = TimeSpan.FromMilliseconds(200);
        var standingBy = false;
        while (true)
        {
            try
            {
                return await client.RegisterAsync(request, cancellationToken: ct);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable && options.Time.GetUtcNow() < deadline)
            {
                log.CoordinatorNotUp(options.Coordinator, e.Status.Detail);
                await Task.Delay(delay, options.Time, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Aborted)
            {
                log.NothingToDo(e.Status.Detail);
                return null;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.ResourceExhausted)
            {
                // Every party is hosted: stand by until a node goes away and its parties are free again.
                if (!standingBy) log.StandingBy(e.Status.Detail);
                standingBy = true;
                deadline = options.Time.GetUtcNow() + options.ConnectTimeout;
                await Task.Delay(options.StandbyPoll, options.Time, ct);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument && request.PartyIds.Count > 0 && registeredBefore)
            {
                // Re-registering, but another node took this node's parties meanwhile: ask for a share instead.
                log.PartiesTakenOver(e.Status.Detail);
                request.PartyIds.Clear();
            }
            catch (RpcException e) when (e.StatusCode is not StatusCode.Cancelled)
            {
                throw new InvalidOperationException($"coordinator at {options.Coordinator} refused registration: {e.Status.Detail}", e);
            }
        }
    }
}
