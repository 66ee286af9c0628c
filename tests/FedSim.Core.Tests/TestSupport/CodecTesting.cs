using FedSim.Core.Codecs;
using FedSim.Core.Components;
using FedSim.Core.Randomness;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.TestSupport;

/// <summary>Registered codecs made from their options, and round trips through their wire bytes.</summary>
internal static class CodecTesting
{
    public static ITensorCodec Codec(string name, object? options = null) =>
        TestScenarios.Schema.Catalog.Codecs.Get(name).As<ICodecComponent>().Create(options);

    /// <summary>A choice of a registered codec as a loaded scenario carries it.</summary>
    public static ComponentChoice Choice(string name, object? options = null)
    {
        var component = TestScenarios.Schema.Catalog.Codecs.Get(name);
        return new ComponentChoice(name, options ?? component.Options.CreateDefault()) { Component = component };
    }

    public static EncodedTensor Encode(ITensorCodec codec, float[] values, int seed = 0, long[]? shape = null) =>
        codec.Encode(new NamedTensor("t", shape ?? [values.Length], values), Seeds.Generator(seed));

    /// <summary>What a receiver decodes, through the decoder's buffer exactly as the wire fills it.</summary>
    public static float[] RoundTrip(ITensorCodec codec, float[] values, int seed = 0, long[]? shape = null) =>
        CodecRuns.Decode(codec, Encode(codec, values, seed, shape), values.Length);

    /// <summary>Values spread over eight decades, both signs.</summary>
    public static float[] Values(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 2 - 1) * Math.Pow(10, rng.Next(-4, 4)))).ToArray();
    }

    /// <summary>Normally distributed values, like a model update.</summary>
    public static float[] Gaussian(int n, int seed, double sigma = 0.01)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))).ToArray();
    }
}
