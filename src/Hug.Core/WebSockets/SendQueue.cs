using System.Net.WebSockets;
using System.Threading.Channels;

namespace Hug.WebSockets;

/// <summary>A message to write, or (with <see cref="Closing"/>) the close frame, completed once written.</summary>
internal readonly record struct Outgoing(ReadOnlyMemory<byte> Message, WebSocketMessageType Type, TaskCompletionSource? Closing = null,
    WebSocketCloseStatus Status = default, string? Reason = null);

/// <summary>
/// One connection's messages waiting for its writer, bounded by count (<see cref="HugOptions.WebSocketSendQueue"/>) and
/// by bytes (<see cref="HugOptions.WebSocketSendBuffer"/>), whichever is reached first. The byte bound is what keeps a
/// client that never reads the answers to large calls cheap; the count bound, many small messages. A message is
/// always taken into an empty queue, however large. Broadcast payloads are shared by every member's queue.
/// </summary>
internal sealed class SendQueue(int maxMessages, long maxBytes)
{
    private readonly Channel<Outgoing> channel = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private int count;
    private long bytes;
    private volatile bool completed;
    private TaskCompletionSource? room; // completed by the writer when it frees room, for senders waiting for it

    public ChannelReader<Outgoing> Reader => channel.Reader;

    /// <summary>Queues <paramref name="item"/> if it fits; false when full or completed.</summary>
    public bool TryAdd(Outgoing item)
    {
        var size = item.Message.Length;
        var queued = Volatile.Read(ref bytes);
        if (completed || Volatile.Read(ref count) >= maxMessages || (queued > 0 && queued + size > maxBytes)) return false;
        Interlocked.Increment(ref count);
        Interlocked.Add(ref bytes, size);
        if (channel.Writer.TryWrite(item)) return true;
        Taken(item); // completed meanwhile
        return false;
    }

    /// <summary>The close frame: one per connection, so it always fits (it follows what is queued).</summary>
    public bool TryAddClose(Outgoing item) => !completed && channel.Writer.TryWrite(item);

    /// <summary>Queues <paramref name="item"/>, waiting up to <paramref name="timeout"/> for room; false when it timed out (the client stopped reading).</summary>
    public async Task<bool> AddAsync(Outgoing item, TimeSpan timeout, CancellationToken aborted)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            if (TryAdd(item) || completed) return true;
            var freed = Room();
            if (TryAdd(item) || completed) return true; // room freed between the first try and asking to be told
            var left = deadline - Environment.TickCount64;
            if (left <= 0) return false;
            try
            {
                await freed.WaitAsync(TimeSpan.FromMilliseconds(left), aborted);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    /// <summary>The writer is done with <paramref name="item"/> (written or dropped): its room is free.</summary>
    public void Taken(Outgoing item)
    {
        if (item.Closing is not null) return;
        Interlocked.Decrement(ref count);
        Interlocked.Add(ref bytes, -item.Message.Length);
        Interlocked.Exchange(ref room, null)?.TrySetResult();
    }

    /// <summary>No more messages; senders waiting for room are released.</summary>
    public void Complete()
    {
        completed = true;
        channel.Writer.TryComplete();
        Interlocked.Exchange(ref room, null)?.TrySetResult();
    }

    private Task Room()
    {
        var current = Volatile.Read(ref room);
        if (current is not null) return current.Task;
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref room, fresh, null) ?? fresh).Task;
    }
}
