namespace FedSim.Core.Codecs;

/// <summary>How one tensor was encoded: the codec's name, the parameters its decoder needs (e.g. a scale), and the encoded size.</summary>
public sealed record TensorEncoding(string Codec, long Bytes)
{
    public static IReadOnlyDictionary<string, double> NoParameters { get; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> Parameters { get; init; } = NoParameters;
}
