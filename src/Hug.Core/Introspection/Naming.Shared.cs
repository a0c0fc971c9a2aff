using System;
using System.Text;

namespace Hug.Introspection;

/// <summary>
/// The names the interfaces derive from a method's, written once: this file is also compiled into
/// Hug.Generators (netstandard2.0, so no ranges here), whose build-time route checks must name a
/// route exactly as start-up does.
/// </summary>
internal static partial class Naming
{
    /// <summary><c>GetUserById</c> → <c>get-user-by-id</c>; <c>number_1</c> stays <c>number_1</c>.</summary>
    public static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]) && i > 0 && char.IsUpper(name[i - 1]);
                if (builder.Length > 0 && builder[builder.Length - 1] != '-' && builder[builder.Length - 1] != '_' && (previousIsLowerOrDigit || nextIsLower))
                    builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>The endpoint name of a method: its name without an <c>Async</c> suffix.</summary>
    public static string EndpointName(string methodName) =>
        methodName.Length > 5 && methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - 5) : methodName;
}
