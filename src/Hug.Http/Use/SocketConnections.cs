namespace Hug.Use;

/// <summary>
/// The open connections of a WebSocket client and the clients made from it: one per set of credentials (the server
/// reads them from the upgrade request), opened on first use and again after one drops.
/// </summary>
internal sealed class SocketConnections(SocketConnector connect) : IAsyncDisposable
{
    private readonly SemaphoreSlim connecting = new(1, 1);
    private readonly Dictionary<string, SocketConnection> open = new(StringComparer.Ordinal);
    private bool disposed;

    public async Task<SocketConnection> GetAsync(Uri address, HugCredentials? credentials, CancellationToken cancellationToken)
    {
        var key = credentials is null ? "" : string.Join("\n", credentials.Headers().Select(h => h.Key + ":" + h.Value));
        await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (open.TryGetValue(key, out var connection))
            {
                if (connection.IsOpen) return connection;
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            return open[key] = await SocketConnection.OpenAsync(address, credentials, connect, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connecting.WaitAsync().ConfigureAwait(false);
        try
        {
            disposed = true;
            foreach (var connection in open.Values) await connection.DisposeAsync().ConfigureAwait(false);
            open.Clear();
        }
        finally
        {
            connecting.Release();
        }
    }
}
