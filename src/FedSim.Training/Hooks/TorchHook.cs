using FedSim.Core.LocalTraining;
using TorchSharp.Modules;

namespace FedSim.Training.Hooks;

/// <summary>
/// Applies one kind of <see cref="ILocalHook"/> (the type parameter) in the optimiser. Every concrete subclass in this
/// assembly is found by <see cref="TorchHooks"/>, so a new hook kind is its record in FedSim.Core plus one such class.
/// </summary>
internal abstract class TorchHook<TSpec> : ITorchHookFactory
    where TSpec : ILocalHook
{
    public Type SpecType => typeof(TSpec);

    public ITorchHook Create(ILocalHook spec, (string Name, Parameter Parameter)[] parameters, double lr) => Create((TSpec)spec, parameters, lr);

    protected abstract ITorchHook Create(TSpec spec, (string Name, Parameter Parameter)[] parameters, double lr);
}
