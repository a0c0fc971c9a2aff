namespace Hug;

/// <summary>
/// A chainable, immutable command-line router: <c>api.Cli.Command(Addition.Add)</c>,
/// <c>api.Cli.Group("users").Command("add", Users.Add)</c>.
/// </summary>
public sealed record CliRouter : Router<CliCommandOptions>
{
    internal CliRouter(HugApi api, CliCommandOptions options) : base(api, options)
    {
    }

    /// <summary>A router whose results pass through <paramref name="transform"/> (after any earlier ones).</summary>
    public CliRouter Transform(ITransform transform) => this with { Options = Options with { Transforms = [.. Options.Transforms, transform] } };

    /// <summary>A router whose commands sit in the group <paramref name="name"/> (nested in any current group).</summary>
    public CliRouter Group(string name) => this with { Options = Options with { Groups = [.. Options.Groups, name] } };

    /// <summary>A router whose commands need these requirements (on the command line, where each applies).</summary>
    public CliRouter Requires(params Requirement[] requirements) => this with { Options = Options with { Requires = [.. Options.Requires, .. requirements] } };

    /// <summary>Registers <paramref name="handler"/> as a command named after its method.</summary>
    public CliRouter Command(Delegate handler)
    {
        Api.Register(handler, Options with { Name = null });
        return this;
    }

    /// <summary>Registers <paramref name="handler"/> as the command <paramref name="name"/>.</summary>
    public CliRouter Command(string name, Delegate handler)
    {
        Api.Register(handler, Options with { Name = name });
        return this;
    }
}
