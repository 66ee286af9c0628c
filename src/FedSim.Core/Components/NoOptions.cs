namespace FedSim.Core.Components;

/// <summary>The options record of a component that has none.</summary>
public sealed record NoOptions;
