using FedSim.Core.Weights;

namespace FedSim.Core.LocalTraining;

/// <summary>After every optimiser step, <c>w -= lr * correction</c> (SCAFFOLD, with <c>c - c_i</c>).</summary>
public sealed record StepCorrection(ModelWeights Correction) : ILocalHook;
