using FedSim.Core.Weights;

namespace FedSim.Core.LocalTraining;

/// <summary>What local training gave: the trained state and how many examples and optimiser steps it took.</summary>
public sealed record LocalOutcome(ModelWeights Weights, long NumExamples, long LocalSteps, double TrainLoss);
