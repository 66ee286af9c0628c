using System.Buffers;
using System.Runtime.InteropServices;

namespace FedSim.Core.Codecs;

/// <summary>A slice of a float array seen as bytes, without copying, so a chunk message can wrap immutable weights directly.</summary>
internal sealed class FloatBytes(float[] array, int offset, int count) : MemoryManager<byte>
{
    private readonly object _gate = new();
    private GCHandle _pin;
    private int _pins;

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(array.AsSpan(offset, count));

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        lock (_gate)
        {
            if (_pins++ == 0) _pin = GCHandle.Alloc(array, GCHandleType.Pinned);
            var start = (byte*)_pin.AddrOfPinnedObject() + (long)offset * sizeof(float) + elementIndex;
            return new MemoryHandle(start, default, this);
        }
    }

    public override void Unpin()
    {
        lock (_gate)
        {
            if (_pins > 0 && --_pins == 0) _pin.Free();
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            if (_pin.IsAllocated) _pin.Free();
            _pins = 0;
        }
    }
}
