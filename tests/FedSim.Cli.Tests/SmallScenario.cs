namespace FedSim.Cli.Tests;

/// <summary>Scenario text for quick runs on a <see cref="TestWorkspace"/> slice.</summary>
internal static class SmallScenario
{
    public static string Yaml(int parties = 3, int rounds = 2, int minParties = 1, string mode = "local", int processes = 2, string strategy = "dirichlet", int seed = 0) => $"""
        name: small
        seed: {seed}
        dataset:
          name: fashion-mnist
          path: DATA_DIR
        partition:
          strategy: {strategy}
          parties: {parties}
          beta: 0.5
          min_size: 10
        model: simple-cnn
        training:
          local_epochs: 1
          batch_size: 32
          lr: 0.01
          momentum: 0.9
        federation:
          algorithm: fedavg
          rounds: {rounds}
          min_parties: {minParties}
          round_timeout_s: 120
        deployment:
          mode: {mode}
          party_processes: {processes}
          workers: 2
        """;
}
