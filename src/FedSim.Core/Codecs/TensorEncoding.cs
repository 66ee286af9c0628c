namespace FedSim.Core.Codecs;

/// <summary>
/// How one tensor was encoded: the codec's name, the parameters its decoder needs (e.g. a scale), the encoded size, an
/// inner encoding for codecs that encode part of their output with another codec (top-k's values), and whether the
/// values are relative: a difference to the tensor of the same name that the receiver holds.
/// </summary>
public sealed record TensorEncoding(string Codec, long Bytes)
{
    public static IReadOnlyDictionary<string, double> NoParameters { get; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> Parameters { get; init; } = NoParameters;

    public TensorEncoding? Inner { get; init; }

    public bool Relative { get; init; }

    /// <summary>A parameter the encoder wrote; throws <see cref="InvalidDataException"/> naming it when it is missing.</summary>
    public double Parameter(string key) =>
        Parameters.TryGetValue(key, out var v) ? v : throw new InvalidDataException($"{Codec} encoding without its '{key}' parameter");
}
