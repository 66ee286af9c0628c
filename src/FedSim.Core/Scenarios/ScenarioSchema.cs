namespace FedSim.Core.Scenarios;

/// <summary>Every key a scenario file may hold, with defaults. The single source for loading, overrides and writing.</summary>
public static class ScenarioSchema
{
    public static readonly string[] Datasets = ["fashion-mnist", "mnist"];
    public static readonly string[] PartitionStrategies = ["homo", "dirichlet"];
    public static readonly string[] Models = ["simple-cnn", "mlp"];
    public static readonly string[] Algorithms = ["fedavg"];
    public static readonly string[] Modes = ["local", "processes"];

    public static readonly IReadOnlyList<ScenarioField> Fields =
    [
        new("name", ScenarioValueKind.String, "fedsim-run", "run name, used in the run folder name"),
        new("seed", ScenarioValueKind.Integer, 0, "seed for partitioning, sampling, initialisation and shuffling") { Min = 0 },
        new("dataset.name", ScenarioValueKind.String, "fashion-mnist", "dataset") { Choices = Datasets },
        new("dataset.path", ScenarioValueKind.String, null, "directory holding the dataset files (else $FEDSIM_DATA, else the Debian package location)") { Optional = true },
        new("partition.strategy", ScenarioValueKind.String, "dirichlet", "how training data is split over parties") { Choices = PartitionStrategies },
        new("partition.parties", ScenarioValueKind.Integer, 10, "number of parties") { Min = 1, Max = 1_000_000 },
        new("partition.beta", ScenarioValueKind.Number, 0.5, "Dirichlet concentration (smaller = more skewed)") { Min = 0, MinExclusive = true },
        new("partition.min_size", ScenarioValueKind.Integer, 10, "redraw a Dirichlet split until every party has at least this many samples") { Min = 0 },
        new("model", ScenarioValueKind.String, "simple-cnn", "model architecture") { Choices = Models },
        new("training.local_epochs", ScenarioValueKind.Integer, 1, "local epochs per round") { Min = 1, Max = 10_000 },
        new("training.batch_size", ScenarioValueKind.Integer, 64, "mini-batch size") { Min = 1, Max = 1_000_000 },
        new("training.lr", ScenarioValueKind.Number, 0.01, "SGD learning rate") { Min = 0, MinExclusive = true, Max = 100 },
        new("training.momentum", ScenarioValueKind.Number, 0.9, "SGD momentum") { Min = 0, Max = 1, MaxExclusive = true },
        new("training.weight_decay", ScenarioValueKind.Number, 1e-5, "SGD weight decay (L2)") { Min = 0 },
        new("federation.algorithm", ScenarioValueKind.String, "fedavg", "aggregation strategy") { Choices = Algorithms },
        new("federation.rounds", ScenarioValueKind.Integer, 5, "communication rounds") { Min = 1, Max = 1_000_000 },
        new("federation.fraction", ScenarioValueKind.Number, 1.0, "fraction of parties sampled each round") { Min = 0, MinExclusive = true, Max = 1 },
        new("federation.min_parties", ScenarioValueKind.Integer, 1, "fewest successful parties a round needs to aggregate") { Min = 1 },
        new("federation.round_timeout_s", ScenarioValueKind.Number, 600.0, "seconds a round waits for parties before going on without them") { Min = 0, MinExclusive = true },
        new("deployment.mode", ScenarioValueKind.String, "local", "local: all in this process over loopback gRPC; processes: party node processes") { Choices = Modes },
        new("deployment.party_processes", ScenarioValueKind.Integer, 2, "party node processes in processes mode") { Min = 1, Max = 1024 },
        new("deployment.workers", ScenarioValueKind.Integer, 0, "parties trained at once per node (0 = number of cores)") { Min = 0, Max = 1024 },
    ];

    public static ScenarioField? Find(string path) => Fields.FirstOrDefault(f => f.Path == path);

    /// <summary>Mapping keys that hold nested keys.</summary>
    public static IEnumerable<string> Sections =>
        Fields.Where(f => f.Path.Contains('.')).Select(f => f.Path[..f.Path.IndexOf('.')]).Distinct();
}
