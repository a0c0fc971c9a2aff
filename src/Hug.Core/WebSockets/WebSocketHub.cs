using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace Hug
{
    /// <summary>Broadcasts to the connections of an endpoint; inject it anywhere (an HTTP endpoint can broadcast).</summary>
    public interface IWebSocketHub
    {
        /// <summary>Sends <paramref name="message"/> to every open connection of the endpoint at <paramref name="path"/>, or of one group, except <paramref name="except"/>.</summary>
        Task BroadcastAsync(string path, string message, string? group = null, WebSocketConnection? except = null);

        /// <summary>
        /// How many connections the endpoint at <paramref name="path"/> has open <em>on this instance</em>: with several
        /// instances behind a proxy (<see cref="IWebSocketBackplane"/>), broadcasts reach them all but each counts its own.
        /// </summary>
        int Count(string path);
    }
}

namespace Hug.WebSockets
{
    /// <summary>The connections of every endpoint, and their groups.</summary>
    internal sealed class WebSocketHub : IWebSocketHub
    {
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, WebSocketConnection>> endpoints = new(StringComparer.OrdinalIgnoreCase);

        public void Add(WebSocketConnection connection) => Of(connection.Path)[connection.Id] = connection;

        public void Remove(WebSocketConnection connection) => Of(connection.Path).TryRemove(connection.Id, out _);

        public void Join(WebSocketConnection connection, string group)
        {
            lock (connection.Groups) connection.Groups.Add(group);
        }

        public void Leave(WebSocketConnection connection, string group)
        {
            lock (connection.Groups) connection.Groups.Remove(group);
        }

        public int Count(string path) => Of(path).Count;

        /// <summary>The bus to the other instances of the API, if any (<see cref="IWebSocketBackplane"/>).</summary>
        private IWebSocketBackplane? backplane;
        private int started;

        public void Use(IWebSocketBackplane bus) => backplane = bus;

        /// <summary>Starts receiving the other instances' broadcasts (once; when the API is served).</summary>
        public void StartBackplane()
        {
            if (backplane is { } bus && Interlocked.Exchange(ref started, 1) == 0)
                bus.Start(received => Deliver(received.Path, received.Message, received.Group, received.ExceptConnection));
        }

        /// <summary>
        /// Queues the message (encoded once, shared) to each open connection here, then hands it to the backplane for the
        /// other instances; waits for none of them: a member whose queue is full has stopped reading and is aborted, so one
        /// stuck client never holds up the others.
        /// </summary>
        public Task BroadcastAsync(string path, string message, string? group = null, WebSocketConnection? except = null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(message);
            Deliver(path, bytes, group, except?.Id);
            backplane?.Publish(new WebSocketBroadcast(path, bytes, group, except?.Id));
            return Task.CompletedTask;
        }

        private void Deliver(string path, ReadOnlyMemory<byte> bytes, string? group, string? except)
        {
            foreach (var connection in Of(path).Values)
            {
                if (connection.Id == except || !connection.IsOpen) continue;
                if (group is not null)
                    lock (connection.Groups)
                        if (!connection.Groups.Contains(group)) continue;
                connection.Offer(bytes, WebSocketMessageType.Text);
            }
        }

        /// <summary>Closes every open connection of every endpoint with <paramref name="status"/> (the host is stopping).</summary>
        public void CloseAll(WebSocketCloseStatus status, string reason)
        {
            foreach (var connections in endpoints.Values)
                foreach (var connection in connections.Values)
                    if (connection.IsOpen) _ = connection.CloseAsync(status, reason);
        }

        private ConcurrentDictionary<string, WebSocketConnection> Of(string path) => endpoints.GetOrAdd(path, _ => new());
    }
}
