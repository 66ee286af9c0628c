using System.Buffers;
using System.Runtime.InteropServices;

namespace FedSim.Protos.Conversion;

/// <summary>A slice of a float array seen as bytes, without copying, so a chunk message can wrap immutable weights directly.</summary>
internal sealed class FloatBytes(float[] array, int offset, int count) : MemoryManager<byte>
{
    private GCHandle _pin;

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(array.AsSpan(offset, count));

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        if (!_pin.IsAllocated) _pin = GCHandle.Alloc(array, GCHandleType.Pinned);
        var start = (byte*)_pin.AddrOfPinnedObject() + (long)offset * sizeof(float) + elementIndex;
        return new MemoryHandle(start, default, this);
    }

    public override void Unpin()
    {
        // The array stays pinned only while a pin is held; Pin/Unpin calls come in pairs from the serializer.
        if (_pin.IsAllocated) _pin.Free();
    }

    protected override void Dispose(bool disposing)
    {
        if (_pin.IsAllocated) _pin.Free();
    }
}
