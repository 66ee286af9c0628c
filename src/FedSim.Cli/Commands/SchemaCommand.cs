using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FedSim.Coordinator;
using FedSim.Core.Scenarios;

namespace FedSim.Cli.Commands;

/// <summary><c>fedsim schema [--out FILE]</c>: the JSON Schema (draft 2020-12) of scenario files.</summary>
internal static class SchemaCommand
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // A file for people and editors, not for a web page: keep quotes, '<' and non-ASCII text as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CommandDefinition Define()
    {
        var outFile = CliSymbols.Out("FILE", "write the schema to FILE (through a temporary file and a rename) instead of stdout");
        var command = new Command("schema", "print the JSON Schema of scenario files, for editors and checks") { outFile };
        command.SetAction(p =>
        {
            var json = ScenarioJsonSchema.Build(ScenarioFile.Schema).ToJsonString(Indented) + "\n";
            var output = p.InvocationConfiguration.Output;
            if (p.GetValue(outFile) is not { } path)
            {
                output.Write(json);
                return CliApp.Ok;
            }
            var full = Path.GetFullPath(path);
            AtomicFile.WriteAllText(full, json);
            output.WriteLine($"wrote {full}");
            return CliApp.Ok;
        });
        return new CommandDefinition(command, """
            Notes:
              The schema is made from the same definitions the scenario loader checks against, so it lists every key
              with its type, default, bounds and help. E.g. for the YAML language server, put
              '# yaml-language-server: $schema=./fedsim.schema.json' at the top of a scenario.
            """);
    }
}
