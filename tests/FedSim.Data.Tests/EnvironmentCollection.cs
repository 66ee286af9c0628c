namespace FedSim.Data.Tests;

/// <summary>
/// Tests that set or depend on process-wide environment variables ($FEDSIM_DATA) run in this collection,
/// one at a time and never alongside any other collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "env";
}
