namespace FedSim.Core.Scenarios;

/// <summary>Every key a scenario file may hold, with defaults. The single source for loading, overrides and writing.</summary>
public static class ScenarioSchema
{
    public static readonly string[] Datasets = ["fashion-mnist", "mnist", "cifar10", "csv", "libsvm", "fcube"];
    public static readonly string[] PartitionStrategies = ["homo", "dirichlet", "label-k", "quantity-dirichlet", "feature-noise", "natural"];
    public static readonly string[] Models = ["simple-cnn", "mlp"];
    public static readonly string[] Algorithms = ["fedavg", "fedprox", "scaffold", "fednova"];
    public static readonly string[] Modes = ["local", "processes"];

    public static readonly IReadOnlyList<ScenarioField> Fields =
    [
        new("name", ScenarioValueKind.String, "fedsim-run", "run name, used in the run folder name"),
        new("seed", ScenarioValueKind.Integer, 0, "seed for partitioning, sampling, initialisation and shuffling") { Min = 0 },
        new("dataset.name", ScenarioValueKind.String, "fashion-mnist", "dataset") { Choices = Datasets },
        new("dataset.path", ScenarioValueKind.String, null, "directory (or file, for csv and libsvm) holding the dataset (else $FEDSIM_DATA, else the Debian package location)") { Optional = true },
        new("dataset.test_path", ScenarioValueKind.String, null, "csv / libsvm test file; without it dataset.test_fraction of the training file is held out") { Optional = true },
        new("dataset.test_fraction", ScenarioValueKind.Number, 0.2, "held-out test fraction when there is no test file") { Min = 0, MinExclusive = true, Max = 1, MaxExclusive = true },
        new("dataset.label_column", ScenarioValueKind.Integer, -1, "csv: label column, 0-based (-1 = last)") { Min = -1 },
        new("dataset.group_column", ScenarioValueKind.Integer, -1, "csv: writer / user id column for the natural partition (-1 = none)") { Min = -1 },
        new("dataset.samples", ScenarioValueKind.Integer, 4000, "fcube: number of generated points") { Min = 10, Max = 100_000_000 },
        new("partition.strategy", ScenarioValueKind.String, "dirichlet", "how training data is split over parties") { Choices = PartitionStrategies },
        new("partition.parties", ScenarioValueKind.Integer, 10, "number of parties") { Min = 1, Max = 1_000_000 },
        new("partition.beta", ScenarioValueKind.Number, 0.5, "Dirichlet concentration (smaller = more skewed)") { Min = 0, MinExclusive = true },
        new("partition.min_size", ScenarioValueKind.Integer, 10, "redraw a Dirichlet split until every party has at least this many samples") { Min = 0 },
        new("partition.classes_per_party", ScenarioValueKind.Integer, 2, "label-k: classes each party holds (#C=k)") { Min = 1 },
        new("partition.noise_sigma", ScenarioValueKind.Number, 0.1, "feature-noise: noise std of the last party (party i: sigma * i / (parties - 1))") { Min = 0 },
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
        new("federation.mu", ScenarioValueKind.Number, 0.01, "fedprox: weight of the proximal term (mu / 2) ||w - w_global||^2") { Min = 0 },
        new("federation.round_timeout_s", ScenarioValueKind.Number, 600.0, "seconds a round waits for parties before going on without them") { Min = 0, MinExclusive = true },
        new("federation.node_timeout_s", ScenarioValueKind.Number, 20.0, "seconds of silence (no heartbeat) after which a party node is marked gone and its tasks fail") { Min = 1 },
        new("deployment.mode", ScenarioValueKind.String, "local", "local: all in this process over loopback gRPC; processes: party node processes") { Choices = Modes },
        new("deployment.party_processes", ScenarioValueKind.Integer, 2, "party node processes in processes mode; also how many nodes share the parties when nodes ask the coordinator for a share") { Min = 1, Max = 1024 },
        new("deployment.workers", ScenarioValueKind.Integer, 0, "parties trained at once per node (0 = number of cores)") { Min = 0, Max = 1024 },
    ];

    public static ScenarioField? Find(string path) => Fields.FirstOrDefault(f => f.Path == path);

    /// <summary>Mapping keys that hold nested keys.</summary>
    public static IEnumerable<string> Sections =>
        Fields.Where(f => f.Path.Contains('.')).Select(f => f.Path[..f.Path.IndexOf('.')]).Distinct();
}
