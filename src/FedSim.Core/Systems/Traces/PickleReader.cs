using System.Buffers.Binary;
using System.Text;

namespace FedSim.Core.Systems.Traces;

/// <summary>
/// Reads the plain-data subset of Python's binary pickle format (protocols 2 to 5): dicts, lists, tuples, ints, floats,
/// strings, booleans and None, which is what FedScale's trace files hold. Anything else (class instances, numpy
/// scalars, text protocol 0) is refused with the opcode and its offset. Pure: bytes in, values out.
/// </summary>
internal static class PickleReader
{
    private static readonly object Mark = new();

    public static object? Read(ReadOnlySpan<byte> data)
    {
        var stack = new List<object?>();
        var memo = new Dictionary<long, object?>();
        var i = 0;
        while (i < data.Length)
        {
            var at = i;
            var op = data[i++];
            switch (op)
            {
                case 0x80: i++; break; // PROTO n
                case 0x95: i += 8; break; // FRAME size
                case (byte)'.': return stack.Count == 1 ? stack[0] : throw Bad(at, "STOP with an unbalanced stack");
                case (byte)'(': stack.Add(Mark); break;
                case (byte)'}': stack.Add(new Dictionary<object, object?>()); break;
                case (byte)']': stack.Add(new List<object?>()); break;
                case (byte)')': stack.Add(new List<object?>()); break;
                case (byte)'N': stack.Add(null); break;
                case 0x88: stack.Add(true); break;
                case 0x89: stack.Add(false); break;
                case (byte)'K': stack.Add((long)data[i]); i += 1; break;
                case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(data[i..])); i += 2; break;
                case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(data[i..])); i += 4; break;
                case 0x8a: stack.Add(Long(data.Slice(i + 1, data[i]), at)); i += 1 + data[i]; break;
                case (byte)'G': stack.Add(BinaryPrimitives.ReadDoubleBigEndian(data[i..])); i += 8; break;
                case 0x8c: stack.Add(Encoding.UTF8.GetString(data.Slice(i + 1, data[i]))); i += 1 + data[i]; break;
                case (byte)'X':
                    var n = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
                    stack.Add(Encoding.UTF8.GetString(data.Slice(i + 4, n)));
                    i += 4 + n;
                    break;
                case 0x94: memo[memo.Count] = Top(stack, at); break;
                case (byte)'q': memo[data[i]] = Top(stack, at); i += 1; break;
                case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(data[i..])] = Top(stack, at); i += 4; break;
                case (byte)'h': stack.Add(Memo(memo, data[i], at)); i += 1; break;
                case (byte)'j': stack.Add(Memo(memo, BinaryPrimitives.ReadUInt32LittleEndian(data[i..]), at)); i += 4; break;
                case (byte)'s': SetItems(stack, stack.Count - 2, at); break;
                case (byte)'u': SetItems(stack, MarkIndex(stack, at) + 1, at, popMark: true); break;
                case (byte)'a': Append(stack, stack.Count - 1, at); break;
                case (byte)'e': Append(stack, MarkIndex(stack, at) + 1, at, popMark: true); break;
                case (byte)'t': Tuple(stack, MarkIndex(stack, at) + 1, popMark: true); break;
                case 0x85: Tuple(stack, stack.Count - 1); break;
                case 0x86: Tuple(stack, stack.Count - 2); break;
                case 0x87: Tuple(stack, stack.Count - 3); break;
                default:
                    throw Bad(at, $"opcode 0x{op:x2} ('{(char)op}') is not plain data (only dicts, lists, numbers and strings are read; save the trace with plain Python types and protocol 2 or later)");
            }
        }
        throw Bad(data.Length, "no STOP opcode: the file is cut short");
    }

    private static object? Top(List<object?> stack, int at) => stack.Count > 0 ? stack[^1] : throw Bad(at, "memo of an empty stack");

    private static object? Memo(Dictionary<long, object?> memo, long key, int at) =>
        memo.TryGetValue(key, out var v) ? v : throw Bad(at, $"memo {key} was never stored");

    private static int MarkIndex(List<object?> stack, int at)
    {
        var i = stack.LastIndexOf(Mark);
        return i >= 0 ? i : throw Bad(at, "no MARK on the stack");
    }

    private static void SetItems(List<object?> stack, int from, int at, bool popMark = false)
    {
        var target = from - (popMark ? 2 : 1);
        if (target < 0 || stack[target] is not Dictionary<object, object?> dict) throw Bad(at, "SETITEM(S) without a dict");
        if ((stack.Count - from) % 2 != 0) throw Bad(at, "SETITEMS with an odd number of items");
        for (var k = from; k < stack.Count; k += 2) dict[stack[k] ?? throw Bad(at, "a None dict key")] = stack[k + 1];
        stack.RemoveRange(popMark ? from - 1 : from, stack.Count - (popMark ? from - 1 : from));
    }

    private static void Append(List<object?> stack, int from, int at, bool popMark = false)
    {
        var target = from - (popMark ? 2 : 1);
        if (target < 0 || stack[target] is not List<object?> list) throw Bad(at, "APPEND(S) without a list");
        list.AddRange(stack.Skip(from));
        stack.RemoveRange(popMark ? from - 1 : from, stack.Count - (popMark ? from - 1 : from));
    }

    private static void Tuple(List<object?> stack, int from, bool popMark = false)
    {
        var items = stack.Skip(from).ToList();
        stack.RemoveRange(popMark ? from - 1 : from, stack.Count - (popMark ? from - 1 : from));
        stack.Add(items);
    }

    private static long Long(ReadOnlySpan<byte> bytes, int at)
    {
        if (bytes.Length > 8) throw Bad(at, "an integer wider than 64 bits");
        long v = 0;
        for (var k = bytes.Length - 1; k >= 0; k--) v = (v << 8) | bytes[k];
        return bytes.Length is > 0 and < 8 && (bytes[^1] & 0x80) != 0 ? v - (1L << (8 * bytes.Length)) : v;
    }

    private static InvalidDataException Bad(int offset, string message) => new($"byte {offset}: {message}");
}
