using System.Buffers.Binary;
using FedSim.Data;

namespace FedSim.Cli.Tests;

/// <summary>A temp directory with a small slice of Fashion-MNIST written in the real IDX format, and scenario files.</summary>
public sealed class TestWorkspace : IDisposable
{
    public TestWorkspace(int train = 1500, int test = 500)
    {
        Root = Path.Combine(Path.GetTempPath(), "fedsim-test-" + Guid.NewGuid().ToString("N"));
        DataDir = Path.Combine(Root, "data");
        Directory.CreateDirectory(DataDir);
        var full = DatasetCatalog.Load("fashion-mnist", null);
        WriteSplit("train", full.Train, train);
        WriteSplit("t10k", full.Test, test);
    }

    public string Root { get; }
    public string DataDir { get; }

    public string Path_(string name) => Path.Combine(Root, name);

    public string WriteScenario(string name, string yaml)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, yaml.Replace("DATA_DIR", DataDir));
        return path;
    }

    private void WriteSplit(string prefix, IDataset data, int count)
    {
        var images = new byte[count * data.SampleSize];
        var floats = new float[count * data.SampleSize];
        data.CopyInputs(Enumerable.Range(0, count).ToArray(), floats);
        for (var i = 0; i < floats.Length; i++) images[i] = (byte)Math.Round(floats[i] * 255);
        WriteIdx(Path.Combine(DataDir, prefix + "-images-idx3-ubyte"), [count, 28, 28], images);
        WriteIdx(Path.Combine(DataDir, prefix + "-labels-idx1-ubyte"), [count], data.Labels.Take(count).Select(l => (byte)l).ToArray());
    }

    private static void WriteIdx(string path, int[] dims, byte[] data)
    {
        var header = new byte[4 + 4 * dims.Length];
        header[2] = 0x08;
        header[3] = (byte)dims.Length;
        for (var i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dims[i]);
        File.WriteAllBytes(path, [.. header, .. data]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
