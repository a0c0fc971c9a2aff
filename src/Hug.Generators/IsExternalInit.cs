namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 compile records (their init accessors): the compiler needs the type, the runtime does not.</summary>
internal static class IsExternalInit;
