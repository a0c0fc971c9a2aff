namespace Hug.Binding;

/// <summary>Why a value did not convert; <see cref="Member"/> is a path below the parameter (<c>.age</c>, <c>[2]</c>).</summary>
internal readonly record struct ConversionError(string Message, string? Member = null);
