namespace FedSim.Core.LocalTraining;

/// <summary>Something done to a party's inputs every time a batch is read (e.g. feature noise). Pure maths on the batch.</summary>
public abstract record InputTransform
{
    /// <summary>Transforms a batch of inputs in place, drawing from <paramref name="rng"/> (the party's seeded stream for the round).</summary>
    public abstract void Apply(Span<float> inputs, Random rng);

    /// <summary>Its parameters, as <c>partition.json</c> shows them.</summary>
    public abstract IEnumerable<(string Key, double Value)> Describe();
}
