using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using Google.Protobuf;

namespace FedSim.Protos.Tests.Conversion;

public sealed class WireSizeTests
{
    private static TaskHeader Header()
    {
        var header = new TaskHeader
        {
            TaskId = "task-17",
            Round = 3,
            PartyId = 12,
            Seed = -987654321,
        };
        header.Params["lr_scale"] = 0.5;
        header.Tensors.AddRange(TensorChunker.Specs([Wire.Group(TensorGroup.Model, TestModels.SimpleCnn())]));
        return header;
    }

    public static TheoryData<string> Messages() => ["task header", "task tensor", "task empty", "result header", "result tensor", "result failure"];

    private static IMessage Make(string kind)
    {
        var chunk = new TensorChunk { TensorIndex = 4, Offset = 123_456, Data = ByteString.CopyFrom(new byte[1000]) };
        return kind switch
        {
            "task header" => new TaskChunk { Header = Header() },
            "task tensor" => new TaskChunk { Tensor = chunk },
            "task empty" => new TaskChunk(),
            "result header" => new ResultChunk
            {
                Header = new ResultHeader
                {
                    NodeId = "node-a", TaskId = "task-17", PartyId = 12, Status = ResultStatus.Ok,
                    NumExamples = 600, LocalSteps = 20, TrainLoss = 0.42, TrainSeconds = 1.5,
                    Tensors = { TensorChunker.Specs([Wire.Group(TensorGroup.Model, TestModels.SimpleCnn())]) },
                },
            },
            "result tensor" => new ResultChunk { Tensor = chunk },
            "result failure" => new ResultChunk { Header = new ResultHeader { Status = ResultStatus.Failed, Error = "out of memory" } },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Wire_size_is_the_serialized_length_plus_the_5_byte_grpc_prefix(string kind)
    {
        var message = Make(kind);

        Assert.Equal(message.ToByteArray().Length + 5, WireSize.Of(message));
    }

    [Fact]
    public void The_grpc_frame_header_is_5_bytes()
    {
        Assert.Equal(5, WireSize.GrpcFrameHeader);
        Assert.Equal(5, WireSize.Of(new TaskChunk()));
    }

    [Fact]
    public void Wire_size_follows_the_encoding_not_the_number_of_values()
    {
        // Same data; the offset's varint grows from absent (0) to 1, 2 and 3 bytes after its tag.
        long Size(long offset) => WireSize.Of(new TaskChunk
        {
            Tensor = new TensorChunk { TensorIndex = 1, Offset = offset, Data = ByteString.CopyFrom(new byte[64]) },
        });

        Assert.Equal(Size(0) + 2, Size(1));
        Assert.Equal(Size(0) + 3, Size(200));
        Assert.Equal(Size(0) + 4, Size(1 << 20));
    }

    [Fact]
    public void All_chunks_of_the_simple_cnn_model_cost_its_float_bytes_plus_under_1_percent()
    {
        TensorGroup[] groups = [Wire.Group(TensorGroup.Model, TestModels.SimpleCnn())];
        const long floatBytes = TestModels.SimpleCnnParameters * sizeof(float);

        var tasks = TensorChunker.Chunks(groups).Sum(c => WireSize.Of(new TaskChunk { Tensor = c }));
        var results = TensorChunker.Chunks(groups).Sum(c => WireSize.Of(new ResultChunk { Tensor = c }));

        Assert.Equal(177_704, floatBytes);
        Assert.InRange(tasks, floatBytes + 1, floatBytes * 101 / 100);
        Assert.InRange(results, floatBytes + 1, floatBytes * 101 / 100);
    }

    [Fact]
    public void The_whole_fetch_stream_of_the_simple_cnn_model_header_included_stays_within_1_percent()
    {
        TensorGroup[] groups = [Wire.Group(TensorGroup.Model, TestModels.SimpleCnn())];
        const long floatBytes = TestModels.SimpleCnnParameters * sizeof(float);

        var total = WireSize.Of(new TaskChunk { Header = Header() })
            + TensorChunker.Chunks(groups).Sum(c => WireSize.Of(new TaskChunk { Tensor = c }));

        Assert.InRange(total, floatBytes + 1, floatBytes * 101 / 100);
    }
}
