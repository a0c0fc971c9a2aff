namespace Hug;

/// <summary>
/// What every chainable router shares: the API it registers on and its immutable options. Each
/// option method returns a new router (<c>this with { Options = … }</c>), never changing this one.
/// </summary>
/// <typeparam name="TOptions">The interface's options record.</typeparam>
public abstract record Router<TOptions> where TOptions : class
{
    private protected Router(HugApi api, TOptions options)
    {
        Api = api;
        Options = options;
    }

    private protected HugApi Api { get; }

    /// <summary>The API this router registers on (for adapters that add router methods: static files).</summary>
    internal HugApi RegisteredOn => Api;

    /// <summary>The options this router registers with.</summary>
    public TOptions Options { get; init; }

    /// <summary>Routers are equal when they register on the same API with equal options.</summary>
    public virtual bool Equals(Router<TOptions>? other) =>
        other is not null && ReferenceEquals(Api, other.Api) && EqualityComparer<TOptions>.Default.Equals(Options, other.Options);

    /// <inheritdoc />
    public override int GetHashCode() => Options.GetHashCode();
}
