using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSim.Training.Hooks;

/// <summary>One local-training hook as the optimiser applies it, parameter by parameter, at every step.</summary>
internal interface ITorchHook : IDisposable
{
    /// <summary>Adjusts parameter <paramref name="index"/>'s gradient before weight decay and momentum.</summary>
    void OnGradient(int index, Parameter parameter, Tensor gradient) { }

    /// <summary>Adjusts parameter <paramref name="index"/> after the optimiser's step.</summary>
    void AfterStep(int index, Parameter parameter) { }
}
