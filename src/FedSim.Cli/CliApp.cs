using System.CommandLine;
using System.CommandLine.Invocation;
using FedSim.Cli.Commands;
using FedSim.Core.Scenarios;
using FedSim.Data;

namespace FedSim.Cli;

/// <summary>The <c>fedsim</c> command line. Exit codes: 0 success, 1 run failed, 2 bad input, 3 missing data, 130 interrupted.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int RunFailed = 1;
    public const int BadInput = 2;
    public const int MissingData = 3;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cts.Cancel();
        });
        try
        {
            return await Dispatch(args, Console.Out, Console.Error, cts.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input: say so and exit 1, rather than let the runtime abort the process (exit 134).
            Console.Error.WriteLine($"fedsim: internal error, please report it with this trace: {e}");
            return RunFailed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Parses <paramref name="args"/> and runs the command, writing only to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    internal static async Task<int> Dispatch(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var root = CliCommands.Root();
        // Signals are RunAsync's (it owns the process); exceptions are mapped to exit codes below.
        var io = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (args.Length == 0)
        {
            root.Parse(["--help"]).Invoke(io);
            return BadInput;
        }
        if (args[0] == "help") args = [.. args[1..], "--help"];
        // No @response files: a scenario path may begin with '@'.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction) return UsageErrors.Report(root, parse, stderr);
        try
        {
            return await parse.InvokeAsync(io, ct);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"fedsim: {e.Message}");
            UsageErrors.WriteHelpHint(parse.CommandResult, stderr);
            return BadInput;
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors) stderr.WriteLine(error);
            return BadInput;
        }
        catch (ScenarioDataException e)
        {
            stderr.WriteLine($"fedsim: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is DatasetNotFoundException or InvalidDataException)
        {
            stderr.WriteLine($"fedsim: {e.Message}");
            return MissingData;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine("fedsim: interrupted");
            return Interrupted;
        }
    }
}
