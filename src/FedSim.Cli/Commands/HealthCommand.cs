using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace FedSim.Cli.Commands;

/// <summary>
/// <c>fedsim health</c>: asks a coordinator or party node for its standard gRPC health status
/// (<c>grpc.health.v1.Health/Check</c>), e.g. for a container HEALTHCHECK. Exit 0 when SERVING, 1 otherwise.
/// </summary>
internal static class HealthCommand
{
    private const double DefaultTimeoutSeconds = 5;

    public static CommandDefinition Define()
    {
        var target = new Option<string>("--target")
        {
            HelpName = "HOST:PORT",
            Description = "the coordinator or party node to ask, e.g. 127.0.0.1:50051",
            Required = true,
        };
        target.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>();
            if (Address(text) is null) r.AddError($"--target: '{text}' is not HOST:PORT (e.g. 127.0.0.1:50051)");
        });
        var service = new Option<string>("--service")
        {
            HelpName = "NAME",
            Description = "the service to ask about (default \"\": the server as a whole)",
        };
        var timeout = new Option<double>("--timeout")
        {
            HelpName = "SECONDS",
            Description = "how long to wait for the answer (more than 0, at most 3600)",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            CustomParser = ParseTimeout,
        };
        var command = new Command("health", "ask a coordinator or party node for its grpc.health.v1 status") { target, service, timeout };
        command.SetAction((p, ct) => RunAsync(p.GetRequiredValue(target), p.GetValue(service) ?? "", TimeSpan.FromSeconds(p.GetValue(timeout)),
            p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, ct));
        return new CommandDefinition(command, """
            Notes:
              Exit 0 when SERVING, 1 otherwise (NOT_SERVING, not reachable, no answer within --timeout), 2 on bad
              arguments: fit for a container HEALTHCHECK. Party nodes answer on their --health address.
            """);
    }

    private static async Task<int> RunAsync(string targetText, string service, TimeSpan timeout, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var address = Address(targetText)!;
        var what = service.Length == 0 ? targetText : $"{targetText} service '{service}'";

        using var handler = new SocketsHttpHandler { ConnectTimeout = timeout };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        var client = new Health.HealthClient(channel);
        try
        {
            var reply = await client.CheckAsync(new HealthCheckRequest { Service = service },
                deadline: DateTime.UtcNow + timeout, cancellationToken: ct);
            var status = StatusName(reply.Status);
            stdout.WriteLine($"{what}: {status}");
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? CliApp.Ok : CliApp.RunFailed;
        }
        catch (RpcException e) when (!ct.IsCancellationRequested)
        {
            stderr.WriteLine($"fedsim: health: {what}: {Explain(e, timeout)}");
            return CliApp.RunFailed;
        }
    }

    /// <summary><c>HOST:PORT</c> (or an <c>http://HOST:PORT</c> URL) as the address to dial over cleartext HTTP/2, or null.</summary>
    private static Uri? Address(string text)
    {
        var url = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "http" && !uri.IsDefaultPort
               && uri.AbsolutePath == "/" && uri.Host.Length > 0
            ? uri
            : null;
    }

    private static double ParseTimeout(ArgumentResult r)
    {
        var text = r.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600) return seconds;
        r.AddError($"--timeout: expected seconds > 0 and <= 3600, got '{text}'");
        return 0;
    }

    /// <summary>The protocol's names (SERVING, NOT_SERVING, UNKNOWN, SERVICE_UNKNOWN), as grpc_health_probe prints them.</summary>
    private static string StatusName(HealthCheckResponse.Types.ServingStatus status) => status switch
    {
        HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
        HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
        HealthCheckResponse.Types.ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
        _ => "UNKNOWN",
    };

    private static string Explain(RpcException e, TimeSpan timeout) => e.StatusCode switch
    {
        StatusCode.Unavailable => $"not reachable ({Innermost(e)})",
        StatusCode.DeadlineExceeded => $"no answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
        StatusCode.NotFound => "the service is unknown to the health server",
        StatusCode.Unimplemented => "answers gRPC but does not serve grpc.health.v1.Health",
        _ => $"{e.StatusCode}: {e.Status.Detail}",
    };

    private static string Innermost(RpcException e)
    {
        var inner = e.Status.DebugException;
        if (inner is null) return e.Status.Detail;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner.Message;
    }
}
