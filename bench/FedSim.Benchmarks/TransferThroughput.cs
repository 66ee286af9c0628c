using System.Diagnostics;
using FedSim.Coordinator;
using FedSim.Core.Algorithms;
using FedSim.Core.Partitioning;
using FedSim.Core.Weights;
using FedSim.Party;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace FedSim.Benchmarks;

/// <summary>
/// Serialization plus loopback gRPC transfer of a large update through the coordinator's real service: the download
/// (FetchTask: chunking, protobuf, HTTP/2, reassembly) and the upload (SubmitResult: the same the other way plus checks).
/// With <c>scaffold</c> the upload also carries a control delta of the model's size, as a SCAFFOLD party's does; MB/s
/// then counts both.
/// </summary>
internal static class TransferThroughput
{
    public static async Task Run(int megabytes, int repeats, bool scaffold)
    {
        var floats = megabytes * 1_000_000 / 4;
        var rng = FedSim.Core.Randomness.Seeds.Generator(1);
        var data = new float[floats];
        for (var i = 0; i < data.Length; i++) data[i] = (float)rng.NextDouble();
        // Several tensors, like a real model, the largest holding most of the values.
        var model = new ModelWeights([
            new NamedTensor("big.weight", [floats - 2000], data[..(floats - 2000)]),
            new NamedTensor("small.weight", [1000], data[(floats - 2000)..(floats - 1000)]),
            new NamedTensor("small.bias", [1000], data[(floats - 1000)..]),
        ]);
        var scenario = FedSim.Training.DefaultCatalog.Schema.Load("partition:\n  parties: 1\nfederation:\n  min_parties: 1\n", "bench").Scenario;
        var partition = PartitionReport.Compute("homo", 0, [0], 1, [[0]]);
        var state = new CoordinatorState(scenario, FedSim.Training.DefaultCatalog.Schema.ToYaml(scenario), partition, TimeProvider.System);
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 16 << 20, MaxSendMessageSize = 16 << 20 });
        var client = new Federation.FederationClient(channel);
        var reg = await client.RegisterAsync(new RegisterRequest { ProtocolVersion = ProtocolVersion._2, NodeName = "bench" });

        var down = new List<double>();
        var up = new List<double>();
        // One strategy for the whole benchmark, as for a whole run; each repeat is one round with one party.
        var fedAvg = new WeightedAverage();
        for (var r = 0; r <= repeats; r++)
        {
            // The upload is folded into a FedAvg aggregate as the coordinator does in a run (norm only, no cosine memory).
            var aggregation = new RoundAggregation(fedAvg.BeginRound(r + 1, model), new FedSim.Core.Metrics.UpdateTracker(model, 0));
            var task = new TrainingTask($"t{r}", 1, 0, reg.NodeId, model, PartyInstructions.None, long.MaxValue, aggregation, TimeProvider.System);
            state.Board.Add(task);
            var watch = Stopwatch.StartNew();
            var fetched = await FederationClientStreams.FetchAsync(client, reg.NodeId, task.Id, state.Downlink, CancellationToken.None);
            if (fetched.Groups[TensorGroup.Model][0].Data[12345] != data[12345]) throw new InvalidOperationException("corrupt transfer");
            var downSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var header = new ResultHeader { NodeId = reg.NodeId, TaskId = task.Id, PartyId = 0, Status = ResultStatus.Ok, NumExamples = 1 };
            TensorGroup[] groups = scaffold
                ? [new TensorGroup(TensorGroup.Model, state.Uplink.Encode(model, FedSim.Core.Randomness.Seeds.Generator(0))), new TensorGroup("scaffold.c_delta", state.Uplink.Encode(model, FedSim.Core.Randomness.Seeds.Generator(0)))]
                : [new TensorGroup(TensorGroup.Model, state.Uplink.Encode(model, FedSim.Core.Randomness.Seeds.Generator(0)))];
            var submitted = await FederationClientStreams.SubmitAsync(client, header, groups, CancellationToken.None);
            if (!submitted.Ack.Accepted) throw new InvalidOperationException("upload refused: " + submitted.Ack.Reason);
            var upSeconds = watch.Elapsed.TotalSeconds;
            state.Board.Remove(task);
            aggregation.Finish([]); // the round ends, as in a run (not timed)
            if (r == 0) continue; // warm-up
            down.Add(megabytes / downSeconds);
            up.Add(megabytes * groups.Length / upSeconds);
        }
        Console.WriteLine($"transfer of a {megabytes} MB update{(scaffold ? " (upload: plus a control delta of the same size)" : "")} over loopback gRPC through the coordinator service, median of {repeats}:");
        Console.WriteLine($"  download (FetchTask)    {TrainingThroughput.Median(down),8:F0} MB/s");
        Console.WriteLine($"  upload (SubmitResult)   {TrainingThroughput.Median(up),8:F0} MB/s");
    }
}
