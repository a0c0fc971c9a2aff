using System.Buffers.Binary;
using System.Text;

namespace Hug.Redis.Backplane;

/// <summary>
/// A broadcast as one Redis message: the sending instance (so it skips its own), then path, group and excepted
/// connection as length-prefixed UTF-8 (-1: none), then the message bytes as they are (no re-encoding on either side).
/// </summary>
internal static class BroadcastCodec
{
    public static byte[] Encode(Guid origin, WebSocketBroadcast broadcast)
    {
        var size = 16 + Size(broadcast.Path) + Size(broadcast.Group) + Size(broadcast.ExceptConnection) + broadcast.Message.Length;
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        origin.TryWriteBytes(span);
        var at = 16;
        at += Write(span[at..], broadcast.Path);
        at += Write(span[at..], broadcast.Group);
        at += Write(span[at..], broadcast.ExceptConnection);
        broadcast.Message.Span.CopyTo(span[at..]);
        return buffer;
    }

    /// <summary>The broadcast and its origin; false for a message that is not one (another program on the channel).</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> payload, out Guid origin, out WebSocketBroadcast broadcast)
    {
        origin = default;
        broadcast = null!;
        var span = payload.Span;
        if (span.Length < 16 + 12) return false;
        origin = new Guid(span[..16]);
        var at = 16;
        if (!TryRead(span, ref at, out var path) || path is null || !TryRead(span, ref at, out var group) || !TryRead(span, ref at, out var except))
            return false;
        broadcast = new WebSocketBroadcast(path, payload[at..], group, except);
        return true;
    }

    private static int Size(string? text) => 4 + (text is null ? 0 : Encoding.UTF8.GetByteCount(text));

    private static int Write(Span<byte> span, string? text)
    {
        if (text is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, -1);
            return 4;
        }
        var length = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        return 4 + length;
    }

    private static bool TryRead(ReadOnlySpan<byte> span, ref int at, out string? text)
    {
        text = null;
        if (span.Length - at < 4) return false;
        var length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += 4;
        if (length == -1) return true;
        if (length < 0 || length > span.Length - at) return false;
        text = Encoding.UTF8.GetString(span.Slice(at, length));
        at += length;
        return true;
    }
}
