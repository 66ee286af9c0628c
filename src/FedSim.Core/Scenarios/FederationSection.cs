using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The <c>federation</c> section: the algorithm and how rounds run.</summary>
public sealed record FederationSection
{
    [Choice(ComponentKind.Algorithm, "the federated algorithm")]
    public ComponentChoice Algorithm { get; init; } = new("fedavg", new NoOptions());

    [Option("sync: rounds of sampled parties; async: parties train continuously on the simulated clock (an asynchronous algorithm: fedasync, fedbuff)",
        Choices = ["sync", "async"])]
    public string Mode { get; init; } = "sync";

    [Option("communication rounds (async: server steps)", Min = 1, Max = 1_000_000)]
    public int Rounds { get; init; } = 5;

    [Option("async: how many parties train at once", Min = 1)]
    public int Concurrency { get; init; } = 5;

    [Option("fraction of parties sampled each round", Min = 0, MinExclusive = true, Max = 1)]
    public double Fraction { get; init; } = 1.0;

    [Option("fewest successful parties a round needs to aggregate", Min = 1)]
    public int MinParties { get; init; } = 1;

    [Option("seconds a round waits for parties before going on without them", Key = "round_timeout_s", Min = 0, MinExclusive = true, Max = 31_536_000)]
    public double RoundTimeoutSeconds { get; init; } = 600;

    [Option("seconds of silence (no heartbeat) after which a party node is marked gone and its tasks fail", Key = "node_timeout_s", Min = 1, Max = 86_400)]
    public double NodeTimeoutSeconds { get; init; } = 20;
}
