using FedSim.Core.LocalTraining;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSim.Training.Hooks;

/// <summary><see cref="StepCorrection"/>: <c>w -= lr * correction</c> after every optimiser step.</summary>
internal sealed class StepCorrectionHook : TorchHook<StepCorrection>
{
    protected override ITorchHook Create(StepCorrection spec, (string Name, Parameter Parameter)[] parameters, double lr) =>
        new Applied(TorchHooks.Match(parameters, spec.Correction, "SCAFFOLD correction"), (-lr).ToScalar());

    private sealed class Applied(Tensor[] correction, Scalar negativeLr) : ITorchHook
    {
        public void AfterStep(int index, Parameter parameter) => parameter.add_(correction[index], negativeLr);

        public void Dispose()
        {
            foreach (var t in correction) t.Dispose();
            negativeLr.Dispose();
        }
    }
}
