namespace FedSim.Core.Codecs;

/// <summary>One tensor ready for the wire: its encoding and its bytes (which may wrap the tensor's own memory).</summary>
public sealed record EncodedTensor(TensorEncoding Encoding, ReadOnlyMemory<byte> Data);
