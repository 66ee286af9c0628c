namespace FedSim.Data;

/// <summary>
/// Finds a dataset's directory: the scenario's <c>dataset.path</c>, then <c>$FEDSIM_DATA</c> (the directory itself or
/// its sub-directory named after the dataset), then the Debian package location <c>/usr/share/datasets/NAME</c>.
/// </summary>
public static class DatasetLocator
{
    public const string EnvironmentVariable = "FEDSIM_DATA";
    public const string DebianRoot = "/usr/share/datasets";

    private static readonly Dictionary<string, string> DebianPackages = new()
    {
        ["fashion-mnist"] = "dataset-fashion-mnist",
        ["mnist"] = "dataset-mnist",
    };

    public static string Locate(string dataset, string? scenarioPath, IReadOnlyList<string> requiredFiles)
    {
        var candidates = new List<(string Dir, string Origin)>();
        if (!string.IsNullOrEmpty(scenarioPath)) candidates.Add((scenarioPath, "dataset.path"));
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env))
        {
            candidates.Add((env, "$" + EnvironmentVariable));
            candidates.Add((Path.Combine(env, dataset), "$" + EnvironmentVariable));
        }
        candidates.Add((Path.Combine(DebianRoot, dataset), "Debian package"));

        foreach (var (dir, _) in candidates)
            if (requiredFiles.All(f => FindFile(dir, f) is not null))
                return dir;

        var looked = string.Join("; ", candidates.Select(c => $"{c.Dir} ({c.Origin})"));
        var hint = DebianPackages.TryGetValue(dataset, out var pkg)
            ? $" Install it with: sudo apt-get install {pkg} (or set dataset.path / ${EnvironmentVariable} to a directory holding the files)."
            : $" Set dataset.path or ${EnvironmentVariable} to a directory holding the files.";
        throw new DatasetNotFoundException(
            $"dataset '{dataset}': expected {string.Join(", ", requiredFiles.Select(f => f + "[.gz]"))} in one of: {looked}.{hint}");
    }

    /// <summary>The file itself or its gzipped copy, whichever exists.</summary>
    public static string? FindFile(string dir, string name)
    {
        foreach (var candidate in new[] { Path.Combine(dir, name), Path.Combine(dir, name + ".gz") })
            if (File.Exists(candidate)) return candidate;
        return null;
    }
}
