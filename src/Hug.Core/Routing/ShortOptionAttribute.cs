namespace Hug;

/// <summary>
/// On a parameter that is a command-line option: sets its short form (<c>[ShortOption('n')]</c> gives <c>-n</c>) or,
/// with <c>false</c>, removes the one Hug derives. Without it an option gets <c>-x</c>, its first letter, when no other
/// option of the command starts with that letter and the letter is not <c>h</c> (help).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ShortOptionAttribute : Attribute
{
    /// <summary>Gives the option the short form <c>-<paramref name="letter"/></c> (an ASCII letter, not <c>h</c>).</summary>
    public ShortOptionAttribute(char letter) => Letter = letter;

    /// <summary>With <c>false</c>: the option has no short form.</summary>
    public ShortOptionAttribute(bool enabled) => Letter = enabled ? null : '\0';

    /// <summary>The letter; <c>'\0'</c> for none; null to derive it as usual.</summary>
    public char? Letter { get; }
}
