using System.Diagnostics;
using System.Globalization;

namespace FedSim.Cli.Compare;

/// <summary>One sweep cell's child <c>fedsim run</c>: its output copied to a log file, its last error line kept for the report.</summary>
internal static class CellProcess
{
    /// <summary>How the child ended: its exit code and the last non-empty line it wrote to stderr.</summary>
    public sealed record Exit(int Code, string? LastError);

    /// <summary><c>fedsim run SCENARIO --out RUN_DIR</c>, the child believing it has <paramref name="cores"/> cores.</summary>
    public static ProcessStartInfo Command(string scenarioPath, string runDir, int cores)
    {
        var psi = PartyProcesses.SelfCommand();
        foreach (var a in new[] { "run", scenarioPath, "--out", runDir }) psi.ArgumentList.Add(a);
        psi.UseShellExecute = false;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.Environment["DOTNET_PROCESSOR_COUNT"] = cores.ToString(CultureInfo.InvariantCulture);
        return psi;
    }

    /// <summary>
    /// Runs the child to its end, stdout and stderr into <paramref name="logPath"/>. Throws the
    /// <see cref="System.ComponentModel.Win32Exception"/> of a child that cannot start, and <see cref="OperationCanceledException"/>
    /// once a cancelled child was killed and has exited.
    /// </summary>
    public static async Task<Exit> RunAsync(ProcessStartInfo psi, string logPath, CancellationToken ct)
    {
        await using var log = new StreamWriter(logPath, append: false);
        using var process = new Process { StartInfo = psi };
        var logGate = new Lock();
        string? lastError = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (logGate) log.WriteLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (logGate)
            {
                log.WriteLine(e.Data);
                if (e.Data.Length > 0) lastError = e.Data;
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        process.WaitForExit();
        lock (logGate) return new Exit(process.ExitCode, lastError);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
