using Google.Protobuf;

namespace FedSim.Protos.Conversion;

/// <summary>Bytes a message occupies on the wire: its serialized protobuf size plus gRPC's 5-byte length prefix.</summary>
public static class WireSize
{
    public const int GrpcFrameHeader = 5;

    public static long Of(IMessage message) => message.CalculateSize() + GrpcFrameHeader;
}
