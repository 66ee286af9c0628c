using System.Diagnostics.CodeAnalysis;

namespace FedSim.Data.Tests;

/// <summary>
/// Tests that set or depend on process-wide environment variables ($FEDSIM_DATA) run in this collection,
/// one at a time and never alongside any other collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "An xunit collection definition; xunit names these after the collection they define")]
public sealed class EnvironmentCollection
{
    public const string Name = "env";
}
