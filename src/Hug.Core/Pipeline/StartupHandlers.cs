namespace Hug.Pipeline;

/// <summary>The API's start-up handlers: run once, in registration order, before serving or before a command.</summary>
internal sealed class StartupHandlers
{
    // Created with the first handler (registration happens before anything runs).
    private List<Func<HugApi, CancellationToken, Task>>? handlers;
    private SemaphoreSlim? gate;
    private bool ran;

    public void Add(Func<HugApi, CancellationToken, Task> handler)
    {
        gate ??= new(1, 1);
        (handlers ??= []).Add(handler);
    }

    /// <summary>Adds the handlers of <paramref name="other"/> (a mounted API), after this one's.</summary>
    public void AddAll(StartupHandlers other)
    {
        foreach (var handler in other.handlers ?? []) Add(handler);
    }

    /// <summary>Runs the handlers once; with none (or done), returns without entering an async method.</summary>
    public Task RunOnceAsync(HugApi api, CancellationToken cancellationToken) =>
        ran || handlers is null ? Task.CompletedTask : RunAsync(handlers, gate!, api, cancellationToken);

    private async Task RunAsync(List<Func<HugApi, CancellationToken, Task>> handlers, SemaphoreSlim gate, HugApi api, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (ran) return;
            foreach (var handler in handlers) await handler(api, cancellationToken);
            ran = true;
        }
        finally
        {
            gate.Release();
        }
    }
}
