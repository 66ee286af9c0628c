namespace FedSim.Core.Codecs;

/// <summary>Receives one tensor's encoded bytes into <see cref="Buffer"/> (in order, as chunks arrive), then gives its values.</summary>
public interface ITensorDecoder
{
    /// <summary>Exactly the encoded size; chunks are copied into it at their byte offsets.</summary>
    Memory<byte> Buffer { get; }

    /// <summary>The decoded values, once the whole buffer has arrived.</summary>
    float[] Complete();
}
