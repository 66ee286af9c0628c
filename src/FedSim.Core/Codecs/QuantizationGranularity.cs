namespace FedSim.Core.Codecs;

/// <summary>What one scale (and offset) covers.</summary>
public enum QuantizationGranularity
{
    /// <summary>One scale for the whole tensor, sent as encoding parameters.</summary>
    Tensor,

    /// <summary>One scale per output channel (per row of the first dimension), sent as float32 values ahead of the levels.</summary>
    Channel,
}
