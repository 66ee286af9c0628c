using System.CommandLine;

namespace FedSim.Cli.Commands;

/// <summary><c>fedsim validate SCENARIO</c>: checks a scenario and prints it with every key resolved.</summary>
internal static class ValidateCommand
{
    public static CommandDefinition Define()
    {
        var input = new ScenarioInput();
        var command = new Command("validate", "check a scenario file and print its resolved settings") { input.File, input.Set };
        command.SetAction(p =>
        {
            var scenario = input.Load(p);
            TraceFiles.Load(scenario); // the trace files it names must exist and read
            var output = p.InvocationConfiguration.Output;
            output.WriteLine($"{input.Path(p)}: ok");
            output.Write(ScenarioFile.ToYaml(scenario));
            return CliApp.Ok;
        });
        return new CommandDefinition(command, """
            Notes:
              A bad scenario exits 2 naming the file, line and key of each problem; trace files it names
              (system.device_trace, system.availability_trace) are read too.
            """);
    }
}
