namespace Hug.Binding;

/// <summary>
/// Why a value did not convert; <see cref="Member"/> is a path below the parameter (<c>.age</c>, <c>[2]</c>).
/// <see cref="OfInput"/>: the input itself is not JSON (a whole body read unparsed, <see cref="RawKind.Utf8"/>), reported
/// under <see cref="InputKey"/> as a body that failed to parse is.
/// </summary>
internal readonly record struct ConversionError(string Message, string? Member = null, bool OfInput = false)
{
    /// <summary>The key of an error in the input as a whole (hug's: the request body).</summary>
    public const string InputKey = "body";
}
