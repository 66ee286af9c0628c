namespace FedSim.Data;

/// <summary>
/// Finds a dataset's directory: the scenario's <c>dataset.path</c>, then <c>$FEDSIM_DATA</c> (the directory itself or
/// its sub-directory named after the dataset; for cifar10 also <c>cifar-10-batches-bin</c>, as the archive unpacks),
/// then the Debian package location <c>/usr/share/datasets/NAME</c>.
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

    /// <summary>Sub-directories of $FEDSIM_DATA searched besides the one named after the dataset.</summary>
    private static readonly Dictionary<string, string[]> ExtraSubdirectories = new()
    {
        ["cifar10"] = ["cifar-10-batches-bin"],
    };

    public static string Locate(string dataset, string? scenarioPath, IReadOnlyList<string> requiredFiles) =>
        Locate(dataset, scenarioPath, requiredFiles,
            [dataset, .. ExtraSubdirectories.GetValueOrDefault(dataset, [])]);

    /// <summary>
    /// As <see cref="Locate(string, string?, IReadOnlyList{string})"/>, with the sub-directories of $FEDSIM_DATA to
    /// search given explicitly, in order.
    /// </summary>
    public static string Locate(string dataset, string? scenarioPath, IReadOnlyList<string> requiredFiles,
        IReadOnlyList<string> subdirectories)
    {
        var candidates = new List<(string Dir, string Origin)>();
        if (!string.IsNullOrEmpty(scenarioPath)) candidates.Add((scenarioPath, "dataset.path"));
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env))
        {
            candidates.Add((env, "$" + EnvironmentVariable));
            foreach (var sub in subdirectories)
                candidates.Add((Path.Combine(env, sub), "$" + EnvironmentVariable));
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
