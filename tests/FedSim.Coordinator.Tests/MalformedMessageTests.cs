using FedSim.Core.Partitioning;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator.Tests;

/// <summary>Bytes that are no protobuf message, sent in an upload over real gRPC on 127.0.0.1.</summary>
public sealed class MalformedMessageTests
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private static Method<byte[], byte[]> MethodOf(string name, MethodType type) => new(type, "fedsim.v1.Federation", name, Raw, Raw);

    /// <summary>A field 1 of wire type 2 whose length runs far past the end: no parser accepts it.</summary>
    private static readonly byte[] Garbage = [0x0A, 0xFF, 0xFF, 0xFF, 0x7F, 0x01, 0x02];

    [Fact]
    public async Task A_malformed_chunk_in_an_upload_is_invalid_argument()
    {
        var state = TestRuns.State(TestRuns.Scenario("name: m\npartition:\n  parties: 1\n"), PartitionReport.Compute("homo", 0, [0, 1], 2, [[0, 1]]));
        await using var server = await CoordinatorServer.StartAsync(state, new Uri("http://127.0.0.1:0"), LogLevel.Warning, CancellationToken.None);
        using var channel = GrpcChannel.ForAddress(server.Address);

        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(MethodOf("SubmitResult", MethodType.ClientStreaming), null, new CallOptions());
        await call.RequestStream.WriteAsync(Garbage);
        await call.RequestStream.CompleteAsync();
        var e = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }
}
