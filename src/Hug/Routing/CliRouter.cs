namespace Hug;

/// <summary>
/// A chainable, immutable command-line router: <c>api.Cli.Command(Addition.Add)</c>,
/// <c>api.Cli.Group("users").Command("add", Users.Add)</c>.
/// </summary>
public sealed record CliRouter
{
    private readonly HugApi api;

    internal CliRouter(HugApi api, CliCommandOptions options)
    {
        this.api = api;
        Options = options;
    }

    /// <summary>The options this router registers with.</summary>
    public CliCommandOptions Options { get; init; }

    /// <summary>A router whose commands sit in the group <paramref name="name"/> (nested in any current group).</summary>
    public CliRouter Group(string name) => this with { Options = Options with { Groups = [.. Options.Groups, name] } };

    /// <summary>Registers <paramref name="handler"/> as a command named after its method.</summary>
    public CliRouter Command(Delegate handler)
    {
        api.Register(handler, Options with { Name = null });
        return this;
    }

    /// <summary>Registers <paramref name="handler"/> as the command <paramref name="name"/>.</summary>
    public CliRouter Command(string name, Delegate handler)
    {
        api.Register(handler, Options with { Name = name });
        return this;
    }

    /// <inheritdoc />
    public bool Equals(CliRouter? other) => other is not null && ReferenceEquals(api, other.api) && Options == other.Options;

    /// <inheritdoc />
    public override int GetHashCode() => Options.GetHashCode();
}
