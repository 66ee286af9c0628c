namespace FedSim.Core.Codecs;

/// <summary>How a linear quantiser maps values onto its levels.</summary>
public enum QuantizationScheme
{
    /// <summary>Levels symmetric around 0: scale = max |x| / (2^(bits-1) - 1); 0 stays exactly 0.</summary>
    Symmetric,

    /// <summary>Levels from the minimum to the maximum: scale = (max - min) / (2^bits - 1), all 2^bits levels used.</summary>
    Asymmetric,
}
