namespace FedSim.Cli.Export;

/// <summary>One file an export writes: its name in the output folder and its text.</summary>
internal sealed record ExportFile(string Name, string Text);
