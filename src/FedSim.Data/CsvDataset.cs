using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>The <c>csv</c> dataset's options.</summary>
public sealed record CsvOptions
{
    [Option("label column, 0-based (-1 = last)", Min = -1)]
    public int LabelColumn { get; init; } = -1;

    [Option("writer / user id column for the natural partition (-1 = none)", Min = -1)]
    public int GroupColumn { get; init; } = -1;
}

/// <summary>A numeric table, one row per sample (what <see cref="CsvDatasetReader"/> reads).</summary>
[Component("csv", "a numeric CSV table, one sample per row (dataset.path; a test file in dataset.test_path or a held-out fraction)")]
internal sealed class CsvDataset : Dataset<CsvOptions>
{
    protected override DatasetPair Load(CsvOptions options, DatasetSection section, int seed) =>
        CsvDatasetReader.Load("csv", Source(options, section), seed);

    protected override IEnumerable<object?> CacheParts(CsvOptions options, DatasetSection section, int seed) =>
        [FullPath(section.Path), FullPath(section.TestPath), HeldOut(section, seed), options.LabelColumn, options.GroupColumn];

    private static CsvSource Source(CsvOptions o, DatasetSection s) => new(s.Path, s.TestPath, s.TestFraction, o.LabelColumn, o.GroupColumn);
}
