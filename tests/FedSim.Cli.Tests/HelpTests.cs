using System.CommandLine;
using FedSim.Cli.Commands;

namespace FedSim.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task Help_lists_every_command_with_its_synopsis_and_succeeds()
    {
        var (exit, stdout, stderr) = await CliRunner.Run("--help");

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("Usage:", stdout);
        Assert.Contains("fedsim [command] [options]", stdout);
        foreach (var command in CliCommands.Definitions()) Assert.Contains($"\n  {command.Command.Name} ", stdout);
        Assert.Contains("fedsim party --coordinator URL [--parties RANGE]", stdout);
        Assert.Contains("exit codes: 0 success, 1 run failed, 2 bad input", stdout);
    }

    [Theory]
    [InlineData("run", "--help")]
    [InlineData("help", "run")]
    [InlineData("run", "-h")]
    [InlineData("run", "scenarios/x.yaml", "--set", "seed=1", "--help")]
    public async Task Run_help_shows_runs_arguments_and_options_and_not_partys(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.Run(args);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("fedsim run <SCENARIO> [options]", stdout);
        Assert.Contains("<SCENARIO>  the scenario file (YAML)", stdout);
        Assert.Contains("--out <DIR>", stdout);
        Assert.Contains("--set <key.path=value>", stdout);
        Assert.Contains("deployment.mode local", stdout);
        Assert.DoesNotContain("--coordinator", stdout);
        Assert.DoesNotContain("--workers", stdout);
        Assert.DoesNotContain("--listen", stdout);
    }

    [Fact]
    public async Task Party_help_shows_partys_options_and_marks_the_required_one()
    {
        var (exit, stdout, _) = await CliRunner.Run("party", "-h");

        Assert.Equal(0, exit);
        Assert.Contains("fedsim party [options]", stdout);
        Assert.Matches(@"--coordinator <URL> \(REQUIRED\)", stdout);
        foreach (var option in new[] { "--parties <RANGE>", "--workers <N>", "--threads <T>", "--name <NAME>", "--health <URL>" })
            Assert.Contains(option, stdout);
        Assert.DoesNotContain("SCENARIO", stdout);
        Assert.DoesNotContain("--set", stdout);
    }

    [Fact]
    public async Task Each_export_kind_has_its_own_page()
    {
        var k8s = await CliRunner.Run("export", "k8s", "--help");
        var compose = await CliRunner.Run("export", "compose", "--help");
        var export = await CliRunner.Run("export", "--help");

        Assert.All(new[] { k8s.Exit, compose.Exit, export.Exit }, e => Assert.Equal(0, e));
        Assert.Contains("--namespace <NS>", k8s.Out);
        Assert.Contains("--dataset-claim <CLAIM>", k8s.Out);
        Assert.Contains("--image <IMAGE>", compose.Out);
        Assert.Contains("[default: fedsim]", compose.Out);
        Assert.DoesNotContain("--namespace", compose.Out);
        Assert.Contains("compose", export.Out);
        Assert.Contains("k8s", export.Out);
    }

    [Fact]
    public void Every_command_option_and_argument_has_a_description()
    {
        var missing = new List<string>();
        foreach (var definition in CliCommands.Definitions())
            Collect(definition.Command, definition.Command.Name, missing);
        Assert.Empty(missing);
    }

    private static void Collect(Command command, string path, List<string> missing)
    {
        if (string.IsNullOrWhiteSpace(command.Description)) missing.Add(path);
        missing.AddRange(command.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => $"{path} {o.Name}"));
        missing.AddRange(command.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{path} {a.Name}"));
        foreach (var sub in command.Subcommands) Collect(sub, $"{path} {sub.Name}", missing);
    }

    [Fact]
    public async Task No_arguments_print_the_usage_and_fail()
    {
        var (exit, stdout, _) = await CliRunner.Run();

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", stdout);
        Assert.Contains("fedsim run SCENARIO", stdout);
    }

    [Fact]
    public async Task A_mistyped_command_exits_2_and_suggests_the_command()
    {
        var stderr = await CliRunner.UsageError("rnu", "scenarios/quickstart.yaml");

        Assert.Contains("fedsim: unknown command 'rnu' (commands: run, coordinator, party, partition, validate, compare, export, health, list, schema)", stderr);
        Assert.Contains("did you mean 'run'?", stderr);
        Assert.Contains("run 'fedsim --help' for usage", stderr);
    }

    [Theory]
    [InlineData("--ot", "'--out'", "run", "s.yaml", "--ot", "x")]
    [InlineData("--ot", "'--out'", "run", "--ot", "x")]
    [InlineData("--namespce", "'--namespace'", "export", "k8s", "s.yaml", "--namespce", "x")]
    [InlineData("--worker", "'--workers'", "party", "--coordinator", "http://127.0.0.1:1", "--worker", "2")]
    public async Task A_mistyped_option_exits_2_naming_it_and_suggests_the_option(string given, string suggested, params string[] args)
    {
        var stderr = await CliRunner.UsageError(args);

        Assert.Contains($"fedsim: unknown option '{given}'", stderr);
        Assert.Contains($"did you mean {suggested}?", stderr);
        Assert.Contains($"run 'fedsim {string.Join(' ', args.TakeWhile(a => a is "run" or "export" or "k8s" or "party"))} --help' for usage", stderr);
    }

    [Fact]
    public async Task An_unknown_option_with_no_near_match_is_named_without_a_suggestion()
    {
        var stderr = await CliRunner.UsageError("validate", "s.yaml", "--frobnicate");

        Assert.Contains("fedsim: unknown option '--frobnicate'", stderr);
        Assert.DoesNotContain("did you mean", stderr);
    }

    [Theory]
    [InlineData("option '--out' needs a value", "run", "s.yaml", "--out")]
    [InlineData("option '--out' needs a value", "schema", "--out")]
    [InlineData("--jobs: expected an integer >= 1, got 'many'", "compare", "s.yaml", "--jobs", "many")]
    [InlineData("--workers: expected an integer >= 1, got '0'", "party", "--coordinator", "http://127.0.0.1:1", "--workers", "0")]
    [InlineData("--parties: ", "party", "--coordinator", "http://127.0.0.1:1", "--parties", "5-2")]
    [InlineData("--listen URL is required", "coordinator", "s.yaml")]
    [InlineData("--listen: 'ftp://x:1' is not an http://HOST:PORT address", "coordinator", "s.yaml", "--listen", "ftp://x:1")]
    [InlineData("missing SCENARIO", "run")]
    [InlineData("unexpected argument 'b.yaml'", "validate", "a.yaml", "b.yaml")]
    public async Task Parse_errors_go_to_stderr_and_exit_2(string message, params string[] args)
    {
        Assert.Contains($"fedsim: {message}", await CliRunner.UsageError(args));
    }

    [Theory]
    [InlineData("fedsim run --o", "--out")]
    [InlineData("fedsim li", "list")]
    [InlineData("fedsim list al", "algorithms")]
    [InlineData("fedsim export k", "k8s")]
    public async Task The_suggest_directive_completes_commands_options_and_kinds(string line, string completion)
    {
        var (exit, stdout, _) = await CliRunner.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(0, exit);
        Assert.Contains(completion, stdout.Split('\n', StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("schema", stdout.Split('\n', StringSplitOptions.TrimEntries));
    }
}
