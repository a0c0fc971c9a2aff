namespace Hug;

/// <summary>How option records keep their lists: a private copy, so a caller's array changed later changes no route.</summary>
internal static class ReadOnly
{
    public static T[] Copy<T>(IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return [];
        var copy = new T[values.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = values[i];
        return copy;
    }
}
