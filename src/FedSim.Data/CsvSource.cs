namespace FedSim.Data;

/// <summary>Where a CSV dataset is and how it is laid out: the dataset section's files with the csv options.</summary>
internal sealed record CsvSource(string? Path, string? TestPath, double TestFraction, int LabelColumn, int GroupColumn);
