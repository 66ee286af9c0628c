using FedSim.Core.Systems.Traces;

namespace FedSim.Core.Tests.Systems.Traces;

public sealed class FedScaleTracesTests
{
    // pickle.dumps({7: {'computation': 1.5, 'communication': 2000}}, protocol=2)
    private static readonly byte[] Protocol2 =
    [
        128, 2, 125, 113, 0, 75, 7, 125, 113, 1, 40, 88, 11, 0, 0, 0, 99, 111, 109, 112, 117, 116, 97, 116, 105, 111, 110, 113, 2, 71, 63, 248, 0, 0,
        0, 0, 0, 0, 88, 13, 0, 0, 0, 99, 111, 109, 109, 117, 110, 105, 99, 97, 116, 105, 111, 110, 113, 3, 77, 208, 7, 117, 115, 46,
    ];

    // pickle.dumps({-3: [1, 2.5, 'x', None, True, (1, 2)], 2**40: {}}, protocol=4)
    private static readonly byte[] Protocol4 =
    [
        128, 4, 149, 47, 0, 0, 0, 0, 0, 0, 0, 125, 148, 40, 74, 253, 255, 255, 255, 93, 148, 40, 75, 1, 71, 64, 4, 0, 0, 0, 0, 0, 0, 140, 1, 120, 148,
        78, 136, 75, 1, 75, 2, 134, 148, 101, 138, 6, 0, 0, 0, 0, 0, 1, 125, 148, 117, 46,
    ];

    private static string Example(string name)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "FedSim.sln"))) dir = Path.GetDirectoryName(dir)!;
        return Path.Combine(dir, "scenarios", "traces", name);
    }

    [Fact]
    public void A_protocol_2_device_trace_reads_its_clients()
    {
        var device = Assert.Single(FedScaleTraces.Devices(Protocol2, "d.pkl"));

        Assert.Equal(new TraceDevice(7, 1.5, 2000), device);
    }

    [Fact]
    public void Protocol_4_plain_data_reads_back_as_python_wrote_it()
    {
        var root = (Dictionary<object, object?>)PickleReader.Read(Protocol4)!;

        Assert.Equal([1L, 2.5, "x", null, true, new List<object?> { 1L, 2L }], (List<object?>)root[-3L]!);
        Assert.Empty((Dictionary<object, object?>)root[1L << 40]!);
    }

    [Fact]
    public void The_shipped_example_traces_read_as_the_script_wrote_them()
    {
        var devices = FedScaleTraces.Devices(File.ReadAllBytes(Example("example_device_capacity.pkl")), "devices");
        var behaviour = FedScaleTraces.Behaviour(File.ReadAllBytes(Example("example_behave_trace.pkl")), "behaviour");

        Assert.Equal(100, devices.Count);
        Assert.Equal(new TraceDevice(1, 0.2697, 10579.8), devices[0]);
        Assert.Equal(new TraceDevice(100, 0.3815, 5059.0), devices[^1]);
        var first = behaviour[0];
        Assert.Equal((1L, 7200.0), (first.ClientId, first.FinishTime));
        Assert.Equal([0.0, 2140.9, 3911.6, 5605.0], first.Active);
        Assert.True(first.IsOnline(473.8) && !first.IsOnline(473.9) && first.IsOnline(2140.9));
        Assert.True(first.IsOnline(7200 + 100)); // the pattern repeats every finish_time
    }

    [Fact]
    public void Text_pickles_cut_files_and_class_instances_are_refused_naming_the_file()
    {
        var text = Assert.Throws<InvalidDataException>(() => FedScaleTraces.Devices("(dp0\n."u8.ToArray(), "t.pkl"));
        Assert.StartsWith("t.pkl: not a readable pickle (byte 1: opcode 0x64 ('d')", text.Message);

        var cut = Assert.Throws<InvalidDataException>(() => FedScaleTraces.Devices(Protocol2.AsSpan(0, Protocol2.Length - 1), "c.pkl"));
        Assert.Contains("c.pkl: not a readable pickle", cut.Message);

        // numpy scalars come as GLOBAL + REDUCE: 'c' is not plain data.
        var numpy = Assert.Throws<InvalidDataException>(() => FedScaleTraces.Devices([128, 2, (byte)'c', (byte)'n', 10, 46], "n.pkl"));
        Assert.Contains("opcode 0x63 ('c') is not plain data", numpy.Message);
    }

    [Fact]
    public void A_client_without_its_fields_is_named()
    {
        // pickle.dumps({3: {'computation': 1.0}}, protocol=2): no 'communication'
        byte[] missing = [128, 2, 125, 113, 0, 75, 3, 125, 113, 1, 88, 11, 0, 0, 0, 99, 111, 109, 112, 117, 116, 97, 116, 105, 111, 110, 113, 2, 71, 63, 240, 0, 0, 0, 0, 0, 0, 115, 115, 46];

        var e = Assert.Throws<InvalidDataException>(() => FedScaleTraces.Devices(missing, "m.pkl"));

        Assert.Equal("m.pkl: client 3: 'communication' should be a number, got None", e.Message);
    }
}
