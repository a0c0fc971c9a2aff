namespace Hug;

/// <summary>Declares that a list parameter also accepts values joined by <see cref="Separator"/> (<c>?ids=1,2,3</c>).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DelimitedAttribute(string separator = ",") : Attribute
{
    /// <summary>The separator between values.</summary>
    public string Separator { get; } = separator;
}
