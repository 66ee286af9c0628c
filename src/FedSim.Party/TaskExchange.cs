using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace FedSim.Party;

/// <summary>One announced task over gRPC: fetch it, train it with the runtime, encode and submit the result (or the failure).</summary>
internal static class TaskExchange
{
    public static async Task<NodeTaskReport> RunAsync(Federation.FederationClient client, string nodeId, NodeRun run, TaskAnnouncement task,
        int[] dataidxs, double waitSeconds, TimeProvider time, ILogger log, Action received, CancellationToken ct)
    {
        long bytesDown = WireSize.Of(new Announcement { Task = task }), bytesUp = 0;
        string? error;
        var accepted = false;
        try
        {
            var fetchStart = time.GetTimestamp();
            var fetched = await FederationClientStreams.FetchAsync(client, nodeId, task.TaskId, run.Downlink, ct, run.Held);
            var fetchSeconds = time.GetElapsedTime(fetchStart).TotalSeconds;
            bytesDown += fetched.WireBytes;
            received();
            var (header, upload) = await Train(run, fetched, dataidxs, log, ct);
            error = header.Status == ResultStatus.Failed ? header.Error : null;
            header.NodeId = nodeId;
            header.TaskId = task.TaskId;
            header.PartyId = task.PartyId;
            header.WaitSeconds = waitSeconds;
            header.FetchSeconds = fetchSeconds;
            var submitted = await FederationClientStreams.SubmitAsync(client, header, upload, ct);
            bytesUp += submitted.WireBytes;
            accepted = submitted.Ack.Accepted;
            if (!accepted && error is null)
            {
                error = submitted.Ack.Reason;
                log.ResultRefused(task.PartyId, task.Round, submitted.Ack.Reason);
            }
        }
        catch (Exception e) when (e is RpcException or InvalidDataException && !ct.IsCancellationRequested)
        {
            error = e.Message;
            log.TaskFailed(task.PartyId, task.Round, e.Message);
        }
        return new NodeTaskReport(task.TaskId, task.Round, task.PartyId, bytesDown, bytesUp, accepted, error);
    }

    /// <summary>
    /// What the party sends: its model (with a lossy codec, its update against the global model it trained from, with
    /// its own error feedback) and its algorithm's payloads, stochastic rounding drawn from the party's stream for the round.
    /// </summary>
    private static List<TensorGroup> Upload(NodeRun run, PartyWork work, PartyTrained trained)
    {
        var rng = Core.Randomness.Seeds.Stream(run.Runtime.Scenario.Seed, Core.Randomness.Seeds.Purpose.Codec, work.Round, work.PartyId);
        var residuals = run.Runtime.ResidualsOf(work.PartyId);
        return
        [
            new(TensorGroup.Model, run.Uplink.Encode(trained.Result.Weights, TensorGroup.Model, rng, work.Global, residuals)),
            .. trained.Payloads.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new TensorGroup(p.Key, run.Uplink.Encode(p.Value, p.Key, rng, null, residuals))),
        ];
    }

    /// <summary>Trains on a dedicated thread (training blocks in native code for seconds and must not starve gRPC I/O and heartbeats).</summary>
    private static async Task<(ResultHeader Header, List<TensorGroup> Upload)> Train(NodeRun run, FederationClientStreams.FetchedTask fetched,
        int[] dataidxs, ILogger log, CancellationToken ct)
    {
        var header = fetched.Header;
        try
        {
            var work = new PartyWork(header.Round, header.PartyId, dataidxs, (int)header.Seed, fetched.Groups[TensorGroup.Model],
                new Core.Algorithms.PartyInstructions { Params = header.Params.ToDictionary(), Payloads = TensorGroup.PayloadsOf(fetched.Groups) });
            var trained = await Task.Factory.StartNew(() => run.Runtime.Train(work, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var r = trained.Result;
            return (new ResultHeader
            {
                Status = ResultStatus.Ok,
                NumExamples = r.NumExamples,
                LocalSteps = r.LocalSteps,
                TrainLoss = r.TrainLoss,
                TrainSeconds = r.TrainSeconds,
            }, Upload(run, work, trained));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.TrainingFailed(e, header.PartyId, header.Round);
            return (new ResultHeader { Status = ResultStatus.Failed, Error = $"{e.GetType().Name}: {e.Message}" }, []);
        }
    }
}
