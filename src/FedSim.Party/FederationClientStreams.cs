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

    /// <summary>
    /// Downloads a task and decodes its tensors with the run's downlink codec. A node that keeps models
    /// (<paramref name="held"/>, <c>compression.downlink_delta</c>) says which it has, adds a model sent relative to
    /// one of them to it, and keeps the result.
    /// </summary>
    public static async Task<FetchedTask> FetchAsync(Federation.FederationClient client, string nodeId, string taskId, LinkCodec downlink,
        CancellationToken ct, HeldModels? held = null)
    {
        var request = new FetchTaskRequest { NodeId = nodeId, TaskId = taskId };
        if (held is not null) request.HeldModels.AddRange(held.Ids);
        using var fetch = client.FetchTask(request, cancellationToken: ct);
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
        ModelWeights? basis = null;
        if (header.ModelBase != 0 && (basis = held?.Find(header.ModelBase)) is null)
            throw new InvalidDataException($"the model of task {taskId} is relative to held model {header.ModelBase}, which this node does not hold");
        var groups = assembler.Complete(group => group == TensorGroup.Model ? basis : null);
        if (held is not null && groups.TryGetValue(TensorGroup.Model, out var model)) held.Keep(header.ModelId, model);
        return new FetchedTask(header, groups, bytes);
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
