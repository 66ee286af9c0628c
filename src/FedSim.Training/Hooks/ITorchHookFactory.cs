using FedSim.Core.LocalTraining;
using TorchSharp.Modules;

namespace FedSim.Training.Hooks;

/// <summary>Makes the optimiser-side hook for one kind of <see cref="ILocalHook"/>.</summary>
internal interface ITorchHookFactory
{
    Type SpecType { get; }

    ITorchHook Create(ILocalHook spec, (string Name, Parameter Parameter)[] parameters, double lr);
}
