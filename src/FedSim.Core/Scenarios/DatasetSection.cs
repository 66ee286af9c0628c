using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The <c>dataset</c> section: which dataset, where it is, and how a test split is held out when it has none.</summary>
public sealed record DatasetSection
{
    [Choice(ComponentKind.Dataset, "dataset", Key = "name")]
    public ComponentChoice Component { get; init; } = new("fashion-mnist", new NoOptions());

    [Option("directory (or file, for csv and libsvm) holding the dataset; without it $FEDSIM_DATA, then /usr/share/datasets/NAME")]
    public string? Path { get; init; }

    [Option("csv / libsvm test file; without it dataset.test_fraction of the training file is held out")]
    public string? TestPath { get; init; }

    [Option("held-out test fraction when there is no test file", Min = 0, MinExclusive = true, Max = 1, MaxExclusive = true)]
    public double TestFraction { get; init; } = 0.2;

    [Option("hold out this fraction of the training split and evaluate on it instead of the test split (to tune settings without touching the test set); 0: evaluate on the test split",
        Min = 0, Max = 1, MaxExclusive = true)]
    public double ValidationFraction { get; init; }

    /// <summary>The dataset's name.</summary>
    public string Name => Component.Name;
}
