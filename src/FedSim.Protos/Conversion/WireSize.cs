using FedSim.Core.Weights;
using FedSim.Protos.V1;
using Google.Protobuf;

namespace FedSim.Protos.Conversion;

/// <summary>Bytes a message occupies on the wire: its serialized protobuf size plus gRPC's 5-byte length prefix.</summary>
public static class WireSize
{
    public const int GrpcFrameHeader = 5;

    public static long Of(IMessage message) => message.CalculateSize() + GrpcFrameHeader;

    /// <summary>
    /// How many bytes fewer the announced tensors take than they would as float32 values (negative when a codec adds
    /// bytes): added to the bytes counted on the wire, it gives what the same messages would have cost uncompressed.
    /// </summary>
    public static long Fp32Saving(IEnumerable<TensorSpec> specs) =>
        specs.Sum(s =>
        {
            var fp32 = sizeof(float) * (ShapeMath.ElementCount(s.Shape, long.MaxValue / sizeof(float)) ?? 0);
            return fp32 - (s.Encoding?.Bytes ?? fp32);
        });
}
