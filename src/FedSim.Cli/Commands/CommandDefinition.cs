using System.CommandLine;

namespace FedSim.Cli.Commands;

/// <summary>
/// One fedsim command: its System.CommandLine node (name, arguments, options, their descriptions and the action)
/// and the notes its <c>--help</c> page ends with.
/// </summary>
internal sealed record CommandDefinition(Command Command, string Notes);
