using System.Net;
using System.Net.Sockets;
using FedSim.Coordinator;
using Microsoft.Extensions.Logging;

namespace FedSim.Cli.Tests;

public sealed class HealthCommandTests
{
    /// <summary>The endpoint FedSim's coordinator and party nodes use, on 127.0.0.1 (free port), with the whole server's status set.</summary>
    private static async Task<GrpcHost> Server(bool serving)
    {
        var host = await GrpcHost.StartAsync(new Uri("http://127.0.0.1:0"), LogLevel.Warning, _ => { }, _ => { }, CancellationToken.None);
        host.SetServing("", serving);
        return host;
    }

    private static string Target(GrpcHost host) => $"127.0.0.1:{host.Address.Port}";

    [Fact]
    public async Task A_serving_server_exits_0_and_prints_SERVING()
    {
        await using var server = await Server(true);
        var (exit, stdout, stderr) = await CliRunner.Run("health", "--target", Target(server));
        Assert.Equal(0, exit);
        Assert.Equal($"{Target(server)}: SERVING", stdout.Trim());
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task A_not_serving_server_exits_1_and_prints_NOT_SERVING()
    {
        await using var server = await Server(false);
        var (exit, stdout, _) = await CliRunner.Run("health", "--target", Target(server));
        Assert.Equal(1, exit);
        Assert.Equal($"{Target(server)}: NOT_SERVING", stdout.Trim());
    }

    [Fact]
    public async Task A_named_service_is_checked_and_an_unknown_one_fails()
    {
        await using var server = await Server(false);
        server.SetServing("fedsim.v1.Federation", true);
        var known = await CliRunner.Run("health", "--target", Target(server), "--service", "fedsim.v1.Federation");
        Assert.Equal(0, known.Exit);
        Assert.Contains("service 'fedsim.v1.Federation': SERVING", known.Out);

        var unknown = await CliRunner.Run("health", "--target", Target(server), "--service", "nope");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("service 'nope': the service is unknown to the health server", unknown.Err);
    }

    [Fact]
    public async Task Nothing_listening_exits_1_saying_not_reachable()
    {
        var target = $"127.0.0.1:{FreePort()}";
        var (exit, stdout, stderr) = await CliRunner.Run("health", "--target", target, "--timeout", "5");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"fedsim: health: {target}: not reachable (", stderr);
    }

    [Fact]
    public async Task A_server_that_never_answers_exits_1_after_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var target = $"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        var (exit, _, stderr) = await CliRunner.Run("health", "--target", target, "--timeout", "0.5");
        Assert.Equal(1, exit);
        Assert.Contains($"{target}: no answer within 0.5 s", stderr);
    }

    [Theory]
    [InlineData("--target HOST:PORT is required", "health")]
    [InlineData("--target: 'nohost' is not HOST:PORT", "health", "--target", "nohost")]
    [InlineData("--target: 'https://x:1' is not HOST:PORT", "health", "--target", "https://x:1")]
    [InlineData("--timeout: expected seconds > 0", "health", "--target", "127.0.0.1:1", "--timeout", "0")]
    [InlineData("unknown option '--port'", "health", "--port", "1")]
    [InlineData("unexpected argument 'extra'", "health", "extra", "--target", "127.0.0.1:1")]
    public async Task Bad_arguments_exit_2(string message, params string[] args)
    {
        var (exit, _, stderr) = await CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
