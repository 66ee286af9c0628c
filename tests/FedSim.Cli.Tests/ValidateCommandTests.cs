namespace FedSim.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fedsim-val-" + Guid.NewGuid().ToString("N"));

    public ValidateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "s.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task A_good_scenario_prints_its_resolved_settings()
    {
        var (exit, stdout, _) = await CliRunner.Run("validate", Write("name: ok\ntraining:\n  lr: 0.05\n"));
        Assert.Equal(0, exit);
        Assert.Contains("lr: 0.05", stdout);
        Assert.Contains("algorithm: fedavg", stdout);
    }

    [Theory]
    [InlineData("name: x\ntraining:\n  lr: fast\n", 3, "training.lr", "expected a number, got 'fast'")]
    [InlineData("name: x\npartition:\n  parties: 10\n  betta: 0.5\n", 4, "partition.betta", "unknown key")]
    [InlineData("name: x\nfederation:\n  fraction: 1.5\n", 3, "federation.fraction", "1.5 is out of range (a number > 0 and <= 1)")]
    [InlineData("name: x\nfederation:\n  algorithm: fedsgd\n", 3, "federation.algorithm", "'fedsgd' is not one of")]
    [InlineData("name: x\npartition: [1, 2\n", 3, "syntax", "While parsing a flow sequence")]
    public async Task A_bad_scenario_exits_2_naming_file_line_and_field(string yaml, int line, string field, string message)
    {
        var path = Write(yaml);
        var (exit, _, stderr) = await CliRunner.Run("validate", path);
        Assert.Equal(2, exit);
        Assert.Contains($"{path}:{line}: {field}: {message}", stderr);
    }

    [Fact]
    public async Task A_bad_override_names_the_set_option()
    {
        var (exit, _, stderr) = await CliRunner.Run("validate", Write("name: x\n"), "--set", "training.batch_size=0");
        Assert.Equal(2, exit);
        Assert.Contains("--set: training.batch_size: 0 is out of range", stderr);
    }

    [Fact]
    public async Task A_missing_file_and_an_unknown_command_are_usage_errors()
    {
        var missing = await CliRunner.Run("validate", Path.Combine(_dir, "nope.yaml"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("nope.yaml: (file): no such file", missing.Err);

        var unknown = await CliRunner.Run("frobnicate");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("unknown command 'frobnicate'", unknown.Err);
    }
}
