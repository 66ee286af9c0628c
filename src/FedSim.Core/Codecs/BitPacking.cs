namespace FedSim.Core.Codecs;

/// <summary>Unsigned values of a fixed bit width (1 to 32) packed tightly, least significant bit first.</summary>
internal static class BitPacking
{
    public static int Bytes(long count, int bits) => checked((int)((count * bits + 7) / 8));

    public static void Pack(ReadOnlySpan<uint> values, int bits, Span<byte> destination)
    {
        if (bits == 8)
        {
            for (var i = 0; i < values.Length; i++) destination[i] = (byte)values[i];
            return;
        }
        var mask = bits == 32 ? uint.MaxValue : (1u << bits) - 1;
        ulong acc = 0;
        var held = 0;
        var at = 0;
        foreach (var v in values)
        {
            acc |= (ulong)(v & mask) << held;
            held += bits;
            while (held >= 8)
            {
                destination[at++] = (byte)acc;
                acc >>= 8;
                held -= 8;
            }
        }
        if (held > 0) destination[at++] = (byte)acc;
        destination[at..].Clear();
    }

    public static void Unpack(ReadOnlySpan<byte> source, int bits, Span<uint> values)
    {
        if (bits == 8)
        {
            for (var i = 0; i < values.Length; i++) values[i] = source[i];
            return;
        }
        var mask = bits == 32 ? uint.MaxValue : (1u << bits) - 1;
        ulong acc = 0;
        var held = 0;
        var at = 0;
        for (var i = 0; i < values.Length; i++)
        {
            while (held < bits)
            {
                acc |= (ulong)source[at++] << held;
                held += 8;
            }
            values[i] = (uint)acc & mask;
            acc >>= bits;
            held -= bits;
        }
    }
}
