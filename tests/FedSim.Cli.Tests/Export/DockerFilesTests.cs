using FedSim.Cli.Export;

namespace FedSim.Cli.Tests.Export;

/// <summary>The repository's docker/Dockerfile, docker/compose.yaml and .dockerignore, read and checked as text and YAML (no Docker engine needed).</summary>
public sealed class DockerFilesTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string[] RootUsers = ["root", "0", "0:0", "root:root"];

    [Fact]
    public void The_Dockerfile_builds_on_the_sdk_and_runs_on_aspnet_noble_as_a_non_root_user()
    {
        var instructions = DockerfileInstructions(File.ReadAllText(Path.Combine(Root, "docker", "Dockerfile")));
        var froms = instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0-noble AS build", "mcr.microsoft.com/dotnet/aspnet:10.0-noble"], froms);

        var build = instructions.TakeWhile(i => i.Arguments != froms[1]).ToList();
        var publish = Assert.Single(build, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish"));
        Assert.Contains("src/FedSim.Cli/FedSim.Cli.csproj", publish.Arguments);
        Assert.Contains("-p:FedSimTorchSharpCompat=false", publish.Arguments);
        Assert.Contains("-r linux-x64", publish.Arguments);

        var runtime = instructions.SkipWhile(i => i.Arguments != froms[1]).ToList();
        Assert.Contains(runtime, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build ", StringComparison.Ordinal));
        var user = Assert.Single(runtime, i => i.Keyword == "USER").Arguments;
        Assert.DoesNotContain(user, RootUsers);
        Assert.Equal("$APP_UID", user);
        var health = Assert.Single(runtime, i => i.Keyword == "HEALTHCHECK").Arguments;
        Assert.Contains($"CMD [\"{ContainerLayout.Executable}\", \"health\", \"--target\", \"{ContainerLayout.LocalHealthTarget}\"]", health);
        Assert.Equal($"[\"{ContainerLayout.Executable}\"]", Assert.Single(runtime, i => i.Keyword == "ENTRYPOINT").Arguments);
        Assert.Contains(runtime, i => i.Keyword == "EXPOSE" && i.Arguments == ContainerLayout.GrpcPort.ToString());
        Assert.Contains(runtime, i => i.Keyword == "RUN" && i.Arguments.Contains(ContainerLayout.ResultsDirectory));
    }

    [Fact]
    public void The_Dockerfile_copies_every_project_before_restoring()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docker", "Dockerfile"));
        var restore = text.IndexOf("dotnet restore", StringComparison.Ordinal);
        Assert.True(restore > 0);
        foreach (var project in Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, project).Replace('\\', '/');
            var copy = text.IndexOf($"COPY {relative} ", StringComparison.Ordinal);
            Assert.True(copy > 0 && copy < restore, $"docker/Dockerfile does not copy {relative} before 'dotnet restore'");
        }
    }

    [Fact]
    public void The_docker_ignore_file_keeps_build_outputs_and_git_out_of_the_context()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();
        foreach (var pattern in new[] { "**/bin", "**/obj", ".git", "runs", "deploy" }) Assert.Contains(pattern, lines);
    }

    [Fact]
    public void The_compose_file_runs_a_coordinator_and_a_scalable_party_service()
    {
        var compose = YamlTree.Load(File.ReadAllText(Path.Combine(Root, "docker", "compose.yaml")));
        Assert.Equal("fedsim", YamlTree.Text(compose, "name"));
        var services = YamlTree.Map(compose, "services");
        Assert.Equal(["coordinator", "party"], services.Keys.Cast<string>().Order().ToList());
        Assert.All(services.Values, s => Assert.False(YamlTree.Has(s, "container_name")));

        var coordinator = YamlTree.Map(services, "coordinator");
        Assert.Equal([.. ContainerLayout.CoordinatorArgs, "--set", "deployment.party_processes=${PARTY_NODES:-2}"],
            YamlTree.Strings(coordinator, "command"));
        Assert.Equal([$"{ContainerLayout.GrpcPort}:{ContainerLayout.GrpcPort}"], YamlTree.Strings(coordinator, "ports"));
        var coordinatorMounts = Mounts(coordinator);
        Assert.Equal("true", YamlTree.Text(coordinatorMounts[ContainerLayout.ScenarioPath], "read_only"));
        Assert.Equal("true", YamlTree.Text(coordinatorMounts["/usr/share/datasets/fashion-mnist"], "read_only"));
        Assert.Equal("volume", YamlTree.Text(coordinatorMounts[ContainerLayout.ResultsDirectory], "type"));
        Assert.True(YamlTree.Has(YamlTree.Map(compose, "volumes"), YamlTree.Text(coordinatorMounts[ContainerLayout.ResultsDirectory], "source")));

        var party = YamlTree.Map(services, "party");
        Assert.Equal(ContainerLayout.PartyArgs("coordinator", workers: 1), YamlTree.Strings(party, "command"));
        Assert.False(YamlTree.Has(party, "ports"));
        Assert.Equal("${PARTY_NODES:-2}", YamlTree.Text(party, "deploy", "replicas"));
        Assert.Equal("on-failure", YamlTree.Text(party, "restart"));
        Assert.Equal(["coordinator"], YamlTree.Strings(party, "depends_on"));
        Assert.Equal("1", YamlTree.Text(party, "deploy", "resources", "limits", "cpus"));
        Assert.Equal("true", YamlTree.Text(Mounts(party)["/usr/share/datasets/fashion-mnist"], "read_only"));

        foreach (var service in new[] { coordinator, party })
            Assert.Equal(["CMD", .. ContainerLayout.HealthCheck], YamlTree.Strings(service, "healthcheck", "test"));
    }

    private static Dictionary<string, object> Mounts(Dictionary<object, object> service) =>
        YamlTree.List(service, "volumes").ToDictionary(v => YamlTree.Text(v, "target"));

    /// <summary>A Dockerfile's instructions (keyword, arguments), with comments dropped and continuation lines joined.</summary>
    private static List<(string Keyword, string Arguments)> DockerfileInstructions(string text)
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0)) continue;
            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (line.EndsWith('\\')) continue;
            if (current.Length > 0)
            {
                var space = current.IndexOf(' ');
                instructions.Add((current[..space].ToUpperInvariant(), string.Join(' ', current[(space + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))));
            }
            current = "";
        }
        return instructions;
    }
}
