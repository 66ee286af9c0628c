namespace FedSim.Coordinator.Tests;

/// <summary>A run observer that ignores everything.</summary>
internal sealed class NoObserver : IRunObserver;
