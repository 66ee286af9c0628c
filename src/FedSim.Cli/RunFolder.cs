using System.Globalization;

namespace FedSim.Cli;

/// <summary>Where a run's files go: <c>--out DIR</c>, or <c>runs/NAME-YYYYMMDD-HHMMSS</c> under the current directory.</summary>
internal static class RunFolder
{
    public static string Resolve(string? explicitDir, string name, TimeProvider time)
    {
        if (!string.IsNullOrEmpty(explicitDir)) return Path.GetFullPath(explicitDir);
        var stamp = time.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var dir = Path.GetFullPath(Path.Combine("runs", $"{safe}-{stamp}"));
        for (var i = 2; Directory.Exists(dir); i++) dir = Path.GetFullPath(Path.Combine("runs", $"{safe}-{stamp}-{i}"));
        return dir;
    }

    /// <summary>
    /// Creates the run folder and checks that a file can be written in it, before any data is loaded: a folder that
    /// cannot be created or written is bad input (<c>--out</c>), not a failure hours into the run.
    /// </summary>
    public static void Prepare(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, $".fedsim-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot create or write the run folder '{dir}': {e.Message}");
        }
    }
}
