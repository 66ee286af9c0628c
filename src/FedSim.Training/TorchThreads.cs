namespace FedSim.Training;

/// <summary>libtorch intra-op threads: with several parties training at once, each gets its share of the cores (at least one), never more.</summary>
public static class TorchThreads
{
    public static int ConfigureForWorkers(int workers)
    {
        var threads = Math.Max(1, Environment.ProcessorCount / Math.Max(1, workers));
        TorchSharp.torch.set_num_threads(threads);
        return threads;
    }
}
