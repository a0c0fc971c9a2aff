namespace Hug.Introspection;

/// <summary>Name conversions shared by every interface.</summary>
internal static partial class Naming
{
    /// <summary>
    /// Whether two names differ at most in case. ASCII is compared by hand: a process's first
    /// ignore-case comparison initialises casing tables (about 0.2 ms of a 30 ms command here).
    /// </summary>
    public static bool SameIgnoringCase(string a, string b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            if (x > 0x7F || y > 0x7F) return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
            if ((x | 0x20) != (y | 0x20) || !char.IsAsciiLetter(x)) return false;
        }
        return true;
    }
}
