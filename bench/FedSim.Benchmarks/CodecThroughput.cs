using System.Diagnostics;
using FedSim.Core.Codecs;
using FedSim.Core.Components;
using FedSim.Core.Weights;

namespace FedSim.Benchmarks;

/// <summary>
/// Encode and decode throughput of every registered codec (default options, plus the variants named below) on one
/// update of the given size: GB/s of float32 input, median of the repeats, after one warm-up.
/// </summary>
internal static class CodecThroughput
{
    public static void Run(int megabytes, int repeats)
    {
        var floats = megabytes * 1_000_000 / 4;
        var rng = FedSim.Core.Randomness.Seeds.Generator(1);
        var values = new float[floats];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)(0.01 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        // A weight matrix of 1,000 columns, so per-channel scales have rows to work on.
        var tensor = new NamedTensor("update", [floats / 1000, 1000], values);
        Console.WriteLine($"codec throughput: one update of {floats:N0} floats ({megabytes} MB), median of {repeats} runs, GB/s of float32 input");
        Console.WriteLine($"{"codec",-34} {"encode",8} {"decode",8} {"both",8} {"bytes/fp32",11}");
        foreach (var (label, codec) in Codecs())
        {
            var (encode, decode, both, size) = Measure(codec, tensor, repeats);
            var gb = floats * 4 / 1e9;
            Console.WriteLine($"{label,-34} {gb / encode,8:F2} {gb / decode,8:F2} {gb / both,8:F2} {size / (floats * 4.0),11:F4}");
        }
    }

    private static IEnumerable<(string Label, ITensorCodec Codec)> Codecs()
    {
        var registry = FedSim.Training.DefaultCatalog.Schema.Catalog.Codecs;
        ComponentChoice Choice(string name, object? options = null) =>
            new(name, options ?? registry.Get(name).Options.CreateDefault()) { Component = registry.Get(name) };
        ITensorCodec Make(string name, object? options = null) => registry.Get(name).As<ICodecComponent>().Create(options);
        foreach (var c in registry.All) yield return (c.Name, Make(c.Name));
        yield return ("int8 asymmetric per channel", Make("int8", new LinearQuantizationOptions { Scheme = QuantizationScheme.Asymmetric, Granularity = QuantizationGranularity.Channel }));
        yield return ("int8 stochastic", Make("int8", new LinearQuantizationOptions { Stochastic = true }));
        yield return ("topk 1% then int8", Make("topk", new TopKOptions { Then = Choice("int8") }));
        yield return ("topk 10% then fp16", Make("topk", new TopKOptions { Fraction = 0.1, Then = Choice("fp16") }));
    }

    private static (double Encode, double Decode, double Both, long Bytes) Measure(ITensorCodec codec, NamedTensor tensor, int repeats)
    {
        var (encode, decode) = (new List<double>(), new List<double>());
        long bytes = 0;
        for (var r = 0; r <= repeats; r++)
        {
            var rng = FedSim.Core.Randomness.Seeds.Generator(r);
            var watch = Stopwatch.StartNew();
            var encoded = codec.Encode(tensor, rng);
            var e = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var back = CodecRuns.Decode(codec, encoded, tensor.Length);
            var d = watch.Elapsed.TotalSeconds;
            if (back.Length != tensor.Length) throw new InvalidOperationException("decoded the wrong size");
            bytes = encoded.Data.Length;
            if (r == 0) continue; // warm-up
            (encode, decode) = (encode.Append(e).ToList(), decode.Append(d).ToList());
        }
        return (Median(encode), Median(decode), Median(encode.Zip(decode, (a, b) => a + b).ToList()), bytes);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
