using System.CommandLine;
using FedSim.Core.Scenarios;

namespace FedSim.Cli.Commands;

/// <summary><c>fedsim coordinator SCENARIO --listen URL</c>: only the coordinator; party nodes connect to it.</summary>
internal static class CoordinatorCommand
{
    public static CommandDefinition Define()
    {
        var input = new ScenarioInput();
        var listen = CliSymbols.HttpAddress("--listen", "where to serve the party nodes, e.g. http://0.0.0.0:50051 (* = every address)", wildcard: true);
        listen.Required = true;
        var outDir = CliSymbols.Out("DIR", "the run folder (default: runs/NAME-YYYYMMDD-HHMMSS)");
        var tokens = new Option<string>("--tokens") { HelpName = "FILE", Description = "only nodes listed there may register: one 'NODE_NAME TOKEN' line each" };
        var command = new Command("coordinator", "run only the coordinator; party nodes connect to it with 'fedsim party'") { input.File, listen, outDir, tokens, input.Set };
        command.SetAction((p, ct) =>
        {
            var allowed = p.GetValue(tokens) is { } file ? ReadTokens(file) : null;
            return RunCommand.Simulate(input.Load(p), p.GetValue(outDir), p.GetRequiredValue(listen), Simulation.Parties.External,
                p.InvocationConfiguration.Output, ct, allowed);
        });
        return new CommandDefinition(command, """
            Notes:
              Start deployment.party_processes party nodes, on this host or others, each with
              'fedsim party --coordinator http://HOST:PORT'; start order does not matter. Stopping the coordinator
              (SIGTERM, Ctrl+C) writes the results, tells every node to stop and exits with 130. With --tokens FILE
              only the nodes it lists may register, each started with 'fedsim party --name NODE_NAME --token-file F'
              (F holds the token); others are refused as unauthenticated. Without it, any process that reaches the
              port may register: listen only on a network you trust.
            """);
    }

    private static Coordinator.NodeTokens ReadTokens(string file)
    {
        try
        {
            return Coordinator.NodeTokens.Parse(File.ReadAllText(file), file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new UsageException($"--tokens: {e.Message}");
        }
    }

    /// <summary>What the operator needs once the coordinator listens: the address to give the party nodes, and their shares.</summary>
    public static void PrintListening(Scenario scenario, Uri listen, Uri address, TextWriter stdout)
    {
        var wildcard = listen.Host is "0.0.0.0" or "*" or "+" or "[::]";
        var dial = wildcard ? $"http://HOST:{address.Port}" : address.ToString().TrimEnd('/');
        var nodes = scenario.Deployment.PartyProcesses;
        stdout.WriteLine($"coordinator listening on {listen.Host}:{address.Port}; start {nodes} party node(s) (deployment.party_processes), " +
                         $"each with: fedsim party --coordinator {dial}" + (wildcard ? " (HOST: this machine's address as the nodes see it)" : "") +
                         $"; each takes a share of {(int)Math.Ceiling(scenario.Partition.Parties / (double)nodes)} of the {scenario.Partition.Parties} parties");
    }
}
