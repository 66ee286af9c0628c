using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>The base of every algorithm component: typed options, the coordinator half and the party half.</summary>
internal abstract class Algorithm<TOptions> : Component<TOptions>, IAlgorithm
    where TOptions : class, new()
{
    public sealed override ComponentKind Kind => ComponentKind.Algorithm;

    public IStrategy CreateStrategy(object? options, Scenario scenario) => CreateStrategy(Typed(options), scenario);

    public IPartyAlgorithm CreateParty(object? options, Scenario scenario) => CreateParty(Typed(options), scenario);

    protected abstract IStrategy CreateStrategy(TOptions options, Scenario scenario);

    /// <summary>The party half; <see cref="PlainParty"/> for algorithms that change only the server side.</summary>
    protected abstract IPartyAlgorithm CreateParty(TOptions options, Scenario scenario);
}
