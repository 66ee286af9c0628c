using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// The FedOpt shape (Reddi et al., ICLR 2021): parties train as in FedAvg; the server averages their models by data
/// size, takes the pseudo-gradient <c>delta = average - w_global</c> and lets an optimiser turn it into a step,
/// <c>w_global += step(delta)</c>, element by element, with state of its own (momentum, second moments) kept across
/// rounds. A subclass is the optimiser: it fills <see cref="Step"/>. The round's metrics.csv columns are the norms of
/// the pseudo-gradient and of the step taken.
/// </summary>
internal abstract class ServerOptimizer : Strategy
{
    public override IRoundAggregator BeginRound(int round, ModelWeights globalModel) => new Round(this, globalModel);

    /// <summary>
    /// Turns the pseudo-gradient into the step, in place: <paramref name="values"/> holds <c>delta</c> (one element per
    /// model value, tensor after tensor) on entry and the step to add to the global model on return.
    /// </summary>
    protected abstract void Step(double[] values);

    private sealed class Round(ServerOptimizer owner, ModelWeights global) : IRoundAggregator
    {
        private readonly SizeWeightedAggregator _average = new(global, owner.Buffers);

        public int Count => _average.Count;

        public void Add(PartyResult result) => _average.Add(result);

        public void Dispose() => _average.Dispose();

        public RoundAggregate Finish(IReadOnlyList<PartyFailure> failures)
        {
            var average = _average.Finish(failures).Global.Flatten();
            var current = global.Flatten();
            var values = new double[current.Length];
            double deltaSquares = 0, stepSquares = 0;
            for (var j = 0; j < values.Length; j++)
            {
                values[j] = (double)average[j] - current[j];
                deltaSquares += values[j] * values[j];
            }
            owner.Step(values);
            var next = new float[current.Length];
            for (var j = 0; j < next.Length; j++)
            {
                next[j] = (float)(current[j] + values[j]);
                stepSquares += values[j] * values[j];
            }
            return new RoundAggregate(Unflatten(global, next))
            {
                Metrics = new Dictionary<string, object> { ["pseudo_gradient_norm"] = Math.Sqrt(deltaSquares), ["server_step_norm"] = Math.Sqrt(stepSquares) },
            };
        }

        private static ModelWeights Unflatten(ModelWeights layout, float[] flat)
        {
            var offset = 0;
            return new ModelWeights(layout.Tensors.Select(t =>
            {
                var tensor = new NamedTensor(t.Name, t.Shape, flat.AsSpan(offset, t.Length).ToArray());
                offset += t.Length;
                return tensor;
            }).ToList());
        }
    }
}
