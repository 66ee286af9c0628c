using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The <c>deployment</c> section: where party nodes run and how much each trains at once.</summary>
public sealed record DeploymentSection
{
    [Option("local: all in this process over loopback gRPC; processes: party node processes", Choices = ["local", "processes"])]
    public string Mode { get; init; } = "local";

    [Option("party node processes in processes mode; also how many nodes share the parties when nodes ask the coordinator for a share", Min = 1, Max = 1024)]
    public int PartyProcesses { get; init; } = 2;

    [Option("parties trained at once per node (0 = number of cores)", Min = 0, Max = 1024)]
    public int Workers { get; init; }
}
