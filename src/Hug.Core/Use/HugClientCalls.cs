// Written out per arity (C# has no variadic generics): each overload only packs its arguments for
// IHugClient.CallMethodAsync / StreamMethodAsync, which find the endpoint from the method and do the work once.
namespace Hug;

/// <summary>
/// Typed calls: the method itself is the contract, so the compiler checks the arguments and the result type:
/// <c>int sum = await client.CallAsync(Addition.Add, 1, 2);</c>, <c>await foreach (var book in client.StreamAsync(Library.Arrivals, 3, CancellationToken.None))</c>.
/// Methods returning a value, <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> answer <c>Task&lt;T&gt;</c>; those returning
/// <c>IAsyncEnumerable&lt;T&gt;</c> stream their items. Parameters a caller does not supply (directives, services, the
/// request) take any value of their type, ignored; a <see cref="CancellationToken"/> argument cancels the call.
/// </summary>
public static class HugClientCalls
{
    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<TResult>(this IHugClient client, Func<TResult> method, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<TResult>(this IHugClient client, Func<Task<TResult>> method, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<TResult>(this IHugClient client, Func<ValueTask<TResult>> method, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [], cancellationToken);

    /// <summary>Streams the items of the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static IAsyncEnumerable<TItem> StreamAsync<TItem>(this IHugClient client, Func<IAsyncEnumerable<TItem>> method, CancellationToken cancellationToken = default) =>
        client.StreamMethodAsync<TItem>(method, [], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, TResult>(this IHugClient client, Func<T1, TResult> method, T1 a1, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, TResult>(this IHugClient client, Func<T1, Task<TResult>> method, T1 a1, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, TResult>(this IHugClient client, Func<T1, ValueTask<TResult>> method, T1 a1, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1], cancellationToken);

    /// <summary>Streams the items of the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static IAsyncEnumerable<TItem> StreamAsync<T1, TItem>(this IHugClient client, Func<T1, IAsyncEnumerable<TItem>> method, T1 a1, CancellationToken cancellationToken = default) =>
        client.StreamMethodAsync<TItem>(method, [a1], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, TResult>(this IHugClient client, Func<T1, T2, TResult> method, T1 a1, T2 a2, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, TResult>(this IHugClient client, Func<T1, T2, Task<TResult>> method, T1 a1, T2 a2, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, TResult>(this IHugClient client, Func<T1, T2, ValueTask<TResult>> method, T1 a1, T2 a2, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2], cancellationToken);

    /// <summary>Streams the items of the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static IAsyncEnumerable<TItem> StreamAsync<T1, T2, TItem>(this IHugClient client, Func<T1, T2, IAsyncEnumerable<TItem>> method, T1 a1, T2 a2, CancellationToken cancellationToken = default) =>
        client.StreamMethodAsync<TItem>(method, [a1, a2], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, TResult>(this IHugClient client, Func<T1, T2, T3, TResult> method, T1 a1, T2 a2, T3 a3, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, TResult>(this IHugClient client, Func<T1, T2, T3, Task<TResult>> method, T1 a1, T2 a2, T3 a3, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, TResult>(this IHugClient client, Func<T1, T2, T3, ValueTask<TResult>> method, T1 a1, T2 a2, T3 a3, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3], cancellationToken);

    /// <summary>Streams the items of the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static IAsyncEnumerable<TItem> StreamAsync<T1, T2, T3, TItem>(this IHugClient client, Func<T1, T2, T3, IAsyncEnumerable<TItem>> method, T1 a1, T2 a2, T3 a3, CancellationToken cancellationToken = default) =>
        client.StreamMethodAsync<TItem>(method, [a1, a2, a3], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, TResult>(this IHugClient client, Func<T1, T2, T3, T4, TResult> method, T1 a1, T2 a2, T3 a3, T4 a4, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, TResult>(this IHugClient client, Func<T1, T2, T3, T4, Task<TResult>> method, T1 a1, T2 a2, T3 a3, T4 a4, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, TResult>(this IHugClient client, Func<T1, T2, T3, T4, ValueTask<TResult>> method, T1 a1, T2 a2, T3 a3, T4 a4, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4], cancellationToken);

    /// <summary>Streams the items of the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static IAsyncEnumerable<TItem> StreamAsync<T1, T2, T3, T4, TItem>(this IHugClient client, Func<T1, T2, T3, T4, IAsyncEnumerable<TItem>> method, T1 a1, T2 a2, T3 a3, T4 a4, CancellationToken cancellationToken = default) =>
        client.StreamMethodAsync<TItem>(method, [a1, a2, a3, a4], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, T5, TResult>(this IHugClient client, Func<T1, T2, T3, T4, T5, TResult> method, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4, a5], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, T5, TResult>(this IHugClient client, Func<T1, T2, T3, T4, T5, Task<TResult>> method, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4, a5], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, T5, TResult>(this IHugClient client, Func<T1, T2, T3, T4, T5, ValueTask<TResult>> method, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4, a5], cancellationToken);

    /// <summary>Streams the items of the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static IAsyncEnumerable<TItem> StreamAsync<T1, T2, T3, T4, T5, TItem>(this IHugClient client, Func<T1, T2, T3, T4, T5, IAsyncEnumerable<TItem>> method, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, CancellationToken cancellationToken = default) =>
        client.StreamMethodAsync<TItem>(method, [a1, a2, a3, a4, a5], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, T5, T6, TResult>(this IHugClient client, Func<T1, T2, T3, T4, T5, T6, TResult> method, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4, a5, a6], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, T5, T6, TResult>(this IHugClient client, Func<T1, T2, T3, T4, T5, T6, Task<TResult>> method, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4, a5, a6], cancellationToken);

    /// <summary>Calls the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static Task<TResult> CallAsync<T1, T2, T3, T4, T5, T6, TResult>(this IHugClient client, Func<T1, T2, T3, T4, T5, T6, ValueTask<TResult>> method, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, CancellationToken cancellationToken = default) =>
        client.CallMethodAsync<TResult>(method, [a1, a2, a3, a4, a5, a6], cancellationToken);

    /// <summary>Streams the items of the endpoint exposing <paramref name="method"/>; see <see cref="HugClientCalls"/>.</summary>
    public static IAsyncEnumerable<TItem> StreamAsync<T1, T2, T3, T4, T5, T6, TItem>(this IHugClient client, Func<T1, T2, T3, T4, T5, T6, IAsyncEnumerable<TItem>> method, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, CancellationToken cancellationToken = default) =>
        client.StreamMethodAsync<TItem>(method, [a1, a2, a3, a4, a5, a6], cancellationToken);
}
