namespace FedSim.Cli.Tests;

/// <summary>The checkout these tests run from (the folder with FedSim.sln), for tests that read its files.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FedSim.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no FedSim.sln above {AppContext.BaseDirectory}");
    }
}
