namespace FedSim.Cli.Tests.Export;

public sealed class ExportCommandTests : IDisposable
{
    private readonly ExportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("unknown export kind 'helm' (kinds: compose, k8s)", "helm")]
    [InlineData("missing export kind", "--out", "x")]
    [InlineData("missing SCENARIO", "compose")]
    [InlineData("unknown option '--namespace'", "compose", "SCENARIO", "--namespace", "x")]
    [InlineData("--namespace: 'Bad_Name' is not a Kubernetes name", "k8s", "SCENARIO", "--namespace", "Bad_Name")]
    [InlineData("--dataset-claim: 'My Claim' is not a Kubernetes name", "k8s", "SCENARIO", "--dataset-claim", "My Claim")]
    [InlineData("--dataset (a host path) and --dataset-claim (a volume claim) exclude each other", "k8s", "SCENARIO", "--dataset", "/d", "--dataset-claim", "d")]
    [InlineData("--image: 'a b' is not an image name", "compose", "SCENARIO", "--image", "a b")]
    [InlineData("--set: training.batch_size: 0 is out of range", "k8s", "SCENARIO", "--set", "training.batch_size=0")]
    public async Task Bad_arguments_exit_2_and_write_nothing(string message, params string[] args)
    {
        var scenario = _folder.WriteScenario(ExportFolder.TwentyParties);
        var (exit, _, stderr) = await CliRunner.Run(["export", .. args.Select(a => a == "SCENARIO" ? scenario : a), "--out", _folder.Out]);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(_folder.Out));
    }

    [Fact]
    public async Task A_missing_scenario_file_is_named()
    {
        var missing = Path.Combine(_folder.Root, "nope.yaml");
        var (exit, _, stderr) = await CliRunner.Run("export", "k8s", missing, "--out", _folder.Out);
        Assert.Equal(2, exit);
        Assert.Contains($"{missing}: (file): no such file", stderr);
    }

    [Theory]
    [InlineData("name: x\ntraining:\n  lr: fast\n", "compose", "SCENARIO:3: training.lr: expected a number, got 'fast'")]
    [InlineData("name: x\ndataset:\n  name: csv\n", "k8s", "SCENARIO: dataset.path: csv needs its training file to export (or pass --dataset FILE)")]
    [InlineData("name: x\ndataset:\n  name: fcube\npartition:\n  strategy: homo\n", "compose --dataset /data",
        "--dataset: fcube is generated; it needs no dataset files")]
    public async Task A_scenario_that_cannot_be_exported_exits_2_naming_file_and_field(string yaml, string command, string message)
    {
        var path = _folder.WriteScenario(yaml);
        var words = command.Split(' ');
        var (exit, _, stderr) = await CliRunner.Run(["export", words[0], path, .. words[1..], "--out", _folder.Out]);
        Assert.Equal(2, exit);
        Assert.Contains(message.Replace("SCENARIO", path), stderr);
        Assert.False(Directory.Exists(_folder.Out));
    }
}
