using System.CommandLine;
using System.CommandLine.Parsing;
using FedSim.Core;
using FedSim.Party;
using Microsoft.Extensions.Logging;

namespace FedSim.Cli.Commands;

/// <summary><c>fedsim party --coordinator URL</c>: a party node that hosts parties for a coordinator.</summary>
internal static class PartyCommand
{
    public static CommandDefinition Define()
    {
        var coordinator = CliSymbols.HttpAddress("--coordinator", "the coordinator to serve, e.g. http://127.0.0.1:50051", wildcard: false);
        coordinator.Required = true;
        var parties = new Option<int[]>("--parties")
        {
            HelpName = "RANGE",
            Description = "the party ids to host, e.g. 0-4 or 0,3,5-7 (default: a share the coordinator gives)",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = ParseRange,
        };
        var workers = CliSymbols.Integer("--workers", "N", 1, "how many parties train at once (default: the number of cores)");
        var threads = CliSymbols.Integer("--threads", "T", 0, "libtorch threads per training party (default 0: cores / N)");
        var name = new Option<string>("--name") { HelpName = "NAME", Description = "the node's name in logs and parties.csv (default: host and process id)" };
        var health = CliSymbols.HttpAddress("--health", "serve grpc.health.v1 there, e.g. http://0.0.0.0:8081", wildcard: true);
        var tokenFile = new Option<string>("--token-file") { HelpName = "FILE", Description = "a file holding this node's token, for a coordinator started with --tokens" };
        var command = new Command("party", "run a party node that hosts parties for a coordinator") { coordinator, parties, workers, threads, name, health, tokenFile };
        command.SetAction((p, ct) =>
        {
            var options = new PartyNodeOptions(p.GetRequiredValue(coordinator))
            {
                PartyIds = p.GetValue(parties) ?? [],
                Workers = p.GetValue(workers) ?? Environment.ProcessorCount,
                ThreadsPerWorker = p.GetValue(threads) ?? 0,
            };
            if (p.GetValue(name) is { } n) options = options with { Name = n };
            if (p.GetValue(tokenFile) is { } file) options = options with { Token = ReadToken(file) };
            return RunAsync(options, p.GetValue(health), p.InvocationConfiguration.Error, ct);
        });
        return new CommandDefinition(command, """
            Notes:
              Without --parties the node takes ceil(parties / deployment.party_processes) ids from the coordinator;
              when every party is hosted, it stands by and takes over the parties of a node that leaves. The node
              retries until the coordinator answers. --health serves "" (alive) and fedsim.v1.PartyNode (registered).
            """);
    }

    private static string ReadToken(string file)
    {
        string token;
        try
        {
            token = File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--token-file: {e.Message}");
        }
        return token.Length > 0 ? token : throw new UsageException($"--token-file: {file} is empty");
    }

    private static int[] ParseRange(ArgumentResult r)
    {
        try
        {
            return RangeText.Parse(r.Tokens[0].Value);
        }
        catch (FormatException e)
        {
            r.AddError("--parties: " + e.Message);
            return [];
        }
    }

    private static async Task<int> RunAsync(PartyNodeOptions options, Uri? healthListen, TextWriter stderr, CancellationToken ct)
    {
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning));
        await using var node = new PartyNode(options, logs.CreateLogger($"party[{options.Name}]"));
        await using var health = healthListen is null ? null : await PartyHealth.StartAsync(node, healthListen, ct);
        try
        {
            await node.RunAsync(ct);
            if (node.RunFailure is { } failure)
            {
                stderr.WriteLine($"fedsim: the coordinator ended the run without completing it: {failure}");
                return CliApp.RunFailed;
            }
        }
        catch (InvalidOperationException e)
        {
            stderr.WriteLine($"fedsim: {e.Message}");
            return CliApp.RunFailed;
        }
        catch (Grpc.Core.RpcException e) when (!ct.IsCancellationRequested)
        {
            stderr.WriteLine($"fedsim: lost the coordinator: {e.Status.Detail}");
            return CliApp.RunFailed;
        }
        return CliApp.Ok;
    }
}
