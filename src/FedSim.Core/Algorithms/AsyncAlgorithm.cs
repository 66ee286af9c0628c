using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>
/// The base of asynchronous algorithms (<c>federation.mode: async</c>): the coordinator half is an
/// <see cref="IAsyncStrategy"/>; the party half is plain local SGD unless overridden. They have no round strategy.
/// </summary>
internal abstract class AsyncAlgorithm<TOptions> : Algorithm<TOptions>, IAsyncAlgorithm
    where TOptions : class, new()
{
    public IAsyncStrategy CreateAsyncStrategy(object? options, Scenario scenario) => CreateAsyncStrategy(Typed(options), scenario);

    protected abstract IAsyncStrategy CreateAsyncStrategy(TOptions options, Scenario scenario);

    protected sealed override IStrategy CreateStrategy(TOptions options, Scenario scenario) =>
        throw new InvalidOperationException("an asynchronous algorithm runs with federation.mode: async, which has no rounds to configure");

    protected override IPartyAlgorithm CreateParty(TOptions options, Scenario scenario) => new PlainParty();

    /// <summary>Element-wise <c>w + sum_i c_i (u_i - s_i)</c> in double precision, in the order given.</summary>
    protected static Weights.ModelWeights AddScaledDeltas(Weights.ModelWeights w, IEnumerable<(double Scale, Weights.ModelWeights Update, Weights.ModelWeights Start)> deltas)
    {
        var sums = w.Tensors.Select(t => t.Data.Select(v => (double)v).ToArray()).ToArray();
        foreach (var (scale, update, start) in deltas)
        {
            update.EnsureSameLayout(w, "async update");
            for (var i = 0; i < sums.Length; i++)
            {
                var (u, s, acc) = (update[i].Data, start[i].Data, sums[i]);
                for (var j = 0; j < acc.Length; j++) acc[j] += scale * ((double)u[j] - s[j]);
            }
        }
        return new Weights.ModelWeights(w.Tensors.Select((t, i) => new Weights.NamedTensor(t.Name, t.Shape, sums[i].Select(v => (float)v).ToArray())));
    }
}
