
namespace Hug;

/// <summary>The immutable options of one command-line command.</summary>
public sealed record CliCommandOptions
{
    /// <summary>The command's name; null means the method's name in kebab case.</summary>
    public string? Name { get; init; }

    /// <summary>The command groups it sits in, outermost first (<c>["users"]</c> for <c>app users add</c>).</summary>
    public IReadOnlyList<string> Groups { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>Transforms applied to results, in order.</summary>
    public IReadOnlyList<ITransform> Transforms { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>Requirements of the commands registered with these options.</summary>
    public IReadOnlyList<Requirement> Requires { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>Value equality, element by element, for the groups too.</summary>
    public bool Equals(CliCommandOptions? other) => other is not null && Name == other.Name && Groups.SequenceEqual(other.Groups) && Requires.SequenceEqual(other.Requires) && Transforms.SequenceEqual(other.Transforms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, string.Join(' ', Groups));

    internal CliCommandOptions Validate(string methodName)
    {
        if (Name is not null) CheckName(Name, methodName);
        for (var i = 0; i < Groups.Count; i++) CheckName(Groups[i], methodName);
        return this;
    }

    private static void CheckName(string name, string methodName)
    {
        if (!IsCommandName(name))
            throw new HugConfigurationException($"{methodName}: '{name}' is not a valid command name; use letters, digits, '-' and '_', starting with a letter.");
    }

    /// <summary>Letters, digits, '-' and '_', starting with a letter (checked by hand: a regex costs start-up time).</summary>
    private static bool IsCommandName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_') return false;
        return true;
    }
}
