namespace FedSim.Core.Weights;

/// <summary>
/// Accumulator memory that outlives one round. A <see cref="WeightedSum"/> made with it takes spare buffers of its size
/// (cleared) and gives them back when disposed, so a run's rounds reuse the same memory instead of allocating, and
/// faulting in page by page, two fresh model-sized double arrays per sum per round (for a 100 MB model that first touch
/// cost 1-2 s on the build machine, paid inside the round's first upload). Holds at most <see cref="MaxSpares"/> buffers.
/// Thread-safe.
/// </summary>
public sealed class SumBuffers
{
    public const int MaxSpares = 8;

    private readonly Lock _gate = new();
    private readonly List<double[]> _spares = [];

    /// <summary>How many buffers wait to be reused.</summary>
    public int Spares
    {
        get
        {
            lock (_gate) return _spares.Count;
        }
    }

    internal double[] Take(int length)
    {
        double[]? spare = null;
        lock (_gate)
        {
            var i = _spares.FindIndex(b => b.Length == length);
            if (i >= 0)
            {
                spare = _spares[i];
                _spares.RemoveAt(i);
            }
        }
        if (spare is null) return new double[length];
        Array.Clear(spare);
        return spare;
    }

    internal void Give(double[] buffer)
    {
        lock (_gate)
        {
            if (_spares.Count < MaxSpares) _spares.Add(buffer);
        }
    }
}
