namespace FedSim.Data.Tests;

/// <summary>
/// A fact that needs the real Fashion-MNIST files from the Debian package <c>dataset-fashion-mnist</c>;
/// reported as skipped (not passed) when they are not installed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDatasetFactAttribute : FactAttribute
{
    public const string Directory = "/usr/share/datasets/fashion-mnist";

    public RealDatasetFactAttribute()
    {
        if (!System.IO.Directory.Exists(Directory))
            Skip = $"{Directory} not found (sudo apt-get install dataset-fashion-mnist)";
    }
}
