using FedSim.Core.Weights;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Grpc.Core;

namespace FedSim.Party;

/// <summary>The party side of the chunked streams: download a task, upload a result, counting wire bytes.</summary>
public static class FederationClientStreams
{
    public sealed record FetchedTask(TaskHeader Header, IReadOnlyDictionary<string, ModelWeights> Groups, long WireBytes);

    public sealed record SubmitOutcome(SubmitAck Ack, long WireBytes);

    /// <summary>Downloads a task and decodes its tensors with the run's downlink codec.</summary>
    public static async Task<FetchedTask> FetchAsync(Federation.FederationClient client, string nodeId, string taskId, LinkCodec downlink, CancellationToken ct)
    {
        using var fetch = client.FetchTask(new FetchTaskRequest { NodeId = nodeId, TaskId = taskId }, cancellationToken: ct);
        TaskHeader? header = null;
        TensorAssembler? assembler = null;
        long bytes = 0;
        await foreach (var chunk in fetch.ResponseStream.ReadAllAsync(ct))
        {
            bytes += WireSize.Of(chunk);
            if (chunk.Header is { } h)
            {
                header = h;
                assembler = new TensorAssembler(h.Tensors, downlink);
            }
            else if (assembler is null) throw new InvalidDataException("task stream did not start with a header");
            else assembler.Add(chunk.Tensor);
        }
        if (header is null || assembler is null) throw new InvalidDataException("task stream was empty");
        return new FetchedTask(header, assembler.Complete(), bytes);
    }

    /// <summary>Sends <paramref name="header"/> (its tensor specs filled in here) and the groups' chunks.</summary>
    public static async Task<SubmitOutcome> SubmitAsync(Federation.FederationClient client, ResultHeader header, IReadOnlyList<TensorGroup> groups, CancellationToken ct)
    {
        header.Tensors.Clear();
        header.Tensors.AddRange(TensorChunker.Specs(groups));
        using var submit = client.SubmitResult(cancellationToken: ct);
        long bytes = 0;
        async Task Send(ResultChunk message)
        {
            bytes += WireSize.Of(message);
            await submit.RequestStream.WriteAsync(message, ct);
        }
        await Send(new ResultChunk { Header = header });
        foreach (var chunk in TensorChunker.Chunks(groups)) await Send(new ResultChunk { Tensor = chunk });
        await submit.RequestStream.CompleteAsync();
        return new SubmitOutcome(await submit.ResponseAsync, bytes);
    }
}
