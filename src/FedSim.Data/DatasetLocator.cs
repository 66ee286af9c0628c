namespace FedSim.Data;

/// <summary>
/// Finds a dataset's directory: the scenario's <c>dataset.path</c> when given (and only it: an explicit path that does
/// not hold the files is an error, never skipped); otherwise <c>$FEDSIM_DATA</c> (the directory itself or its
/// sub-directory named after the dataset; for cifar10 also <c>cifar-10-batches-bin</c>, as the archive unpacks), then
/// the Debian package location <c>/usr/share/datasets/NAME</c> (Debian packages only Fashion-MNIST).
/// </summary>
public static class DatasetLocator
{
    public const string EnvironmentVariable = "FEDSIM_DATA";
    public const string DebianRoot = "/usr/share/datasets";

    private static readonly Dictionary<string, string> DebianPackages = new()
    {
        ["fashion-mnist"] = "dataset-fashion-mnist",
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
        var files = string.Join(", ", requiredFiles.Select(f => f + "[.gz]"));
        // An explicit path is used or refused: never passed over for another copy of the data.
        if (!string.IsNullOrEmpty(scenarioPath))
        {
            if (Holds(scenarioPath, requiredFiles)) return scenarioPath;
            var missing = string.Join(", ", requiredFiles.Where(f => FindFile(scenarioPath, f) is null));
            throw new DatasetNotFoundException(Directory.Exists(scenarioPath)
                ? $"dataset '{dataset}': dataset.path {scenarioPath} lacks {missing} (expected {files})"
                : $"dataset '{dataset}': dataset.path {scenarioPath} does not exist (expected a directory holding {files})");
        }
        var candidates = new List<(string Dir, string Origin)>();
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env))
        {
            candidates.Add((env, "$" + EnvironmentVariable));
            foreach (var sub in subdirectories)
                candidates.Add((Path.Combine(env, sub), "$" + EnvironmentVariable));
        }
        candidates.Add((Path.Combine(DebianRoot, dataset), "Debian package"));

        foreach (var (dir, _) in candidates)
            if (Holds(dir, requiredFiles))
                return dir;

        var looked = string.Join("; ", candidates.Select(c => $"{c.Dir} ({c.Origin})"));
        var hint = DebianPackages.TryGetValue(dataset, out var pkg)
            ? $" Install it with: sudo apt-get install {pkg} (or set dataset.path / ${EnvironmentVariable} to a directory holding the files)."
            : $" Debian has no package for it: put the files in a directory and set dataset.path (or ${EnvironmentVariable}) to it.";
        throw new DatasetNotFoundException($"dataset '{dataset}': expected {files} in one of: {looked}.{hint}");
    }

    private static bool Holds(string dir, IReadOnlyList<string> requiredFiles) => requiredFiles.All(f => FindFile(dir, f) is not null);

    /// <summary>The file itself or its gzipped copy, whichever exists.</summary>
    public static string? FindFile(string dir, string name)
    {
        foreach (var candidate in new[] { Path.Combine(dir, name), Path.Combine(dir, name + ".gz") })
            if (File.Exists(candidate)) return candidate;
        return null;
    }
}
