namespace Hug;

/// <summary>
/// What an adapter keeps per API (HTTP: its not-found handlers and input formats). The core holds it
/// without knowing its type, and lets it take in its counterpart when an API is mounted.
/// </summary>
internal abstract class AdapterState
{
    /// <summary>An empty state of the same adapter (a mounting API that had none).</summary>
    public abstract AdapterState CreateEmpty();

    /// <summary>Takes in <paramref name="mounted"/>, the same adapter's state of an API mounted under <paramref name="prefix"/>.</summary>
    public abstract void Mount(string prefix, AdapterState mounted);
}

public sealed partial class HugApi
{
    // Few adapters, so a list; created by the first adapter that keeps anything.
    private List<AdapterState>? adapterStates;

    /// <summary>The state <typeparamref name="TState"/> its adapter keeps on this API, created on first use.</summary>
    internal TState Adapter<TState>() where TState : AdapterState, new()
    {
        foreach (var state in adapterStates ?? [])
            if (state is TState found) return found;
        var created = new TState();
        (adapterStates ??= []).Add(created);
        return created;
    }

    /// <summary>This API's state of the adapter <paramref name="like"/> belongs to, created empty if it has none.</summary>
    private AdapterState AdapterState(AdapterState like)
    {
        foreach (var state in adapterStates ?? [])
            if (state.GetType() == like.GetType()) return state;
        var created = like.CreateEmpty();
        (adapterStates ??= []).Add(created);
        return created;
    }
}
