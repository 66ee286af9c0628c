namespace FedSim.Cli.Tests;

/// <summary>Runs a fedsim command in this process and captures its output.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.Dispatch(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command line that must be refused as bad input: exit 2, nothing on stdout; returns stderr.</summary>
    public static async Task<string> UsageError(params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        return stderr;
    }
}
