namespace FedSim.Cli.Export;

/// <summary>
/// Where things are inside the FedSim image (docker/Dockerfile) and its containers; the exported compose and
/// Kubernetes files and the repository's docker/compose.yaml all use these paths.
/// </summary>
internal static class ContainerLayout
{
    /// <summary>The published <c>fedsim</c> executable (the image's ENTRYPOINT).</summary>
    public const string Executable = "/app/fedsim";

    /// <summary>The user the .NET images call <c>app</c> (<c>$APP_UID</c>); the image runs as it.</summary>
    public const int AppUid = 1654;

    public const int GrpcPort = 50051;

    public const string ScenarioDirectory = "/scenario";
    public const string ScenarioFileName = "scenario.yaml";
    public const string ScenarioPath = ScenarioDirectory + "/" + ScenarioFileName;

    public const string ResultsDirectory = "/results";

    /// <summary>The coordinator's run folder (<c>--out</c>) on the results volume.</summary>
    public const string RunDirectory = ResultsDirectory + "/run";

    /// <summary>Datasets are mounted at their Debian package location, where FedSim looks by default.</summary>
    public const string DatasetRoot = FedSim.Data.DatasetLocator.DebianRoot;

    /// <summary>Listens on every interface of the container, on <see cref="GrpcPort"/>.</summary>
    public static readonly string ListenUrl = $"http://0.0.0.0:{GrpcPort}";

    /// <summary>Where a container's own health endpoint answers, for <c>fedsim health</c> run inside it.</summary>
    public static readonly string LocalHealthTarget = $"127.0.0.1:{GrpcPort}";

    /// <summary>The health check command, as the exec form of a compose <c>healthcheck.test</c>.</summary>
    public static IReadOnlyList<string> HealthCheck => [Executable, "health", "--target", LocalHealthTarget];

    /// <summary>The coordinator's arguments (after the ENTRYPOINT).</summary>
    public static IReadOnlyList<string> CoordinatorArgs =>
        ["coordinator", ScenarioPath, "--listen", ListenUrl, "--out", RunDirectory];

    /// <summary>
    /// A party node's arguments: a share of the parties from the coordinator, one libtorch thread per worker; with
    /// <paramref name="name"/>, the node's name in the coordinator's logs (else host name and process id).
    /// </summary>
    public static IReadOnlyList<string> PartyArgs(string coordinatorHost, int workers, string? name = null) =>
    [
        "party", "--coordinator", $"http://{coordinatorHost}:{GrpcPort}",
        "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "1",
        "--health", ListenUrl,
        .. name is null ? Array.Empty<string>() : ["--name", name],
    ];
}
