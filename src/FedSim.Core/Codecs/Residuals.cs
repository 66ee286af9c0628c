using System.Collections.Concurrent;

namespace FedSim.Core.Codecs;

/// <summary>
/// One sender's error-feedback memory: per tensor, what its codec has not yet delivered. It lives with the sender (a
/// party's residuals on its node, like SCAFFOLD's c_i) and is added to the next update of the same tensor.
/// </summary>
public sealed class Residuals
{
    private readonly ConcurrentDictionary<string, float[]> _byTensor = new(StringComparer.Ordinal);

    /// <summary>The residual of a tensor (group and name), or null before its first lossy send.</summary>
    public float[]? Of(string key) => _byTensor.GetValueOrDefault(key);

    internal void Set(string key, float[] residual) => _byTensor[key] = residual;
}
