using System.Diagnostics;
using System.Globalization;
using FedSim.Core;

namespace FedSim.Cli;

/// <summary>Starts <c>fedsim party</c> child processes, each hosting a contiguous range of party ids.</summary>
internal sealed class PartyProcesses : IDisposable
{
    private readonly List<Process> _processes = [];

    public IReadOnlyList<Process> Processes => _processes;

    public static IReadOnlyList<int[]> Ranges(int parties, int processes)
    {
        var ranges = new List<int[]>();
        for (var i = 0; i < processes; i++)
        {
            int from = (int)((long)parties * i / processes), to = (int)((long)parties * (i + 1) / processes);
            if (to > from) ranges.Add(Enumerable.Range(from, to - from).ToArray());
        }
        return ranges;
    }

    /// <summary>
    /// Starts one node per range. The machine's cores are shared by all of them: each worker gets
    /// cores / (processes x workers) libtorch threads, at least one.
    /// </summary>
    public static PartyProcesses Start(Uri coordinator, int parties, int processes, int workersPerProcess)
    {
        var result = new PartyProcesses();
        var threads = Math.Max(1, Environment.ProcessorCount / (processes * workersPerProcess));
        foreach (var range in Ranges(parties, processes))
        {
            var psi = SelfCommand();
            foreach (var a in new[]
                     {
                         "party", "--coordinator", coordinator.ToString(), "--parties", RangeText.Format(range),
                         "--workers", workersPerProcess.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture),
                     })
                psi.ArgumentList.Add(a);
            psi.UseShellExecute = false;
            result._processes.Add(Process.Start(psi) ?? throw new InvalidOperationException($"could not start {psi.FileName}"));
        }
        return result;
    }

    /// <summary>How to start this same program again: the apphost directly, or <c>dotnet fedsim.dll</c>.</summary>
    public static ProcessStartInfo SelfCommand()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this program's path");
        var psi = new ProcessStartInfo(path);
        if (Path.GetFileNameWithoutExtension(path) == "dotnet") psi.ArgumentList.Add(typeof(PartyProcesses).Assembly.Location);
        return psi;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await Task.WhenAll(_processes.Select(p => p.WaitForExitAsync(cts.Token)));
        }
        catch (OperationCanceledException)
        {
            // Stragglers are killed in Dispose.
        }
    }

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            try
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            p.Dispose();
        }
    }
}
