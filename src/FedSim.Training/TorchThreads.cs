namespace FedSim.Training;

/// <summary>libtorch intra-op threads: with several parties training at once, each gets its share of the cores (at least one), never more.</summary>
public static class TorchThreads
{
    public static int ConfigureForWorkers(int workers) =>
        Configure(Math.Max(1, Environment.ProcessorCount / Math.Max(1, workers)));

    public static int Configure(int threads)
    {
        TorchSharp.torch.set_num_threads(Math.Max(1, threads));
        return threads;
    }
}
