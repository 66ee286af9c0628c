namespace FedSim.Cli.Export;

/// <summary>One read-only dataset mount: a directory or file on the host (or in a volume claim) and where containers see it.</summary>
internal sealed record DatasetMount(string Source, string Target, bool IsFile);
