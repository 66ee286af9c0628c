using FedSim.Core.Codecs;

namespace FedSim.Core.Tests.Codecs;

/// <summary>Fixed-width packing: tight sizes and exact round trips at every width.</summary>
public sealed class BitPackingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(17)]
    [InlineData(32)]
    public void Values_of_any_width_come_back_exactly_from_ceil_n_bits_over_8_bytes(int bits)
    {
        var rng = new Random(bits);
        var values = Enumerable.Range(0, 1001).Select(_ => (uint)rng.NextInt64(0, 1L << bits)).ToArray();
        var bytes = new byte[BitPacking.Bytes(values.Length, bits)];

        BitPacking.Pack(values, bits, bytes);
        var back = new uint[values.Length];
        BitPacking.Unpack(bytes, bits, back);

        Assert.Equal((1001 * bits + 7) / 8, bytes.Length);
        Assert.Equal(values, back);
    }

    [Fact]
    public void The_first_value_takes_the_lowest_bits()
    {
        var bytes = new byte[1];

        BitPacking.Pack([0b01u, 0b10u, 0b11u, 0b00u], 2, bytes);

        Assert.Equal(0b00_11_10_01, bytes[0]);
    }
}
