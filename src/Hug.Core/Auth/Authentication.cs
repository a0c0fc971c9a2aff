using System.Security.Cryptography;
using System.Text;

namespace Hug;

/// <summary>
/// The built-in authentication requirements. Each calls a verify function that returns the user
/// (any object) or null for wrong credentials; the user then reaches <c>[User]</c> parameters.
/// </summary>
public static class Authentication
{
    /// <summary><c>Authorization: Basic base64(user:password)</c>; on the command line <c>--username</c>/<c>--password</c> or HUG_USERNAME/HUG_PASSWORD.</summary>
    public static Requirement Basic(Func<string, string, object?> verify, string realm = "simple") =>
        new BasicAuthentication((user, password, _) => ValueTask.FromResult(verify(user, password)), realm);

    /// <summary>Basic authentication with an asynchronous verify function.</summary>
    public static Requirement Basic(Func<string, string, CancellationToken, ValueTask<object?>> verify, string realm = "simple") =>
        new BasicAuthentication(verify, realm);

    /// <summary>
    /// An API key in the <paramref name="header"/> header (default <c>X-Api-Key</c>), or, for clients
    /// that cannot set headers, the <paramref name="queryParameter"/> query parameter when given;
    /// on the command line <c>--api-key</c> or HUG_API_KEY.
    /// </summary>
    public static Requirement ApiKey(Func<string, object?> verify, string header = "X-Api-Key", string? queryParameter = null, string realm = "simple") =>
        new ApiKeyAuthentication((key, _) => ValueTask.FromResult(verify(key)), header, queryParameter, realm);

    /// <summary>API key authentication with an asynchronous verify function.</summary>
    public static Requirement ApiKey(Func<string, CancellationToken, ValueTask<object?>> verify, string header = "X-Api-Key", string? queryParameter = null, string realm = "simple") =>
        new ApiKeyAuthentication(verify, header, queryParameter, realm);

    /// <summary><c>Authorization: Bearer TOKEN</c>; on the command line <c>--token</c> or HUG_TOKEN.</summary>
    public static Requirement Bearer(Func<string, object?> verify, string realm = "simple") =>
        new BearerAuthentication((token, _) => ValueTask.FromResult(verify(token)), realm);

    /// <summary>Bearer authentication with an asynchronous verify function.</summary>
    public static Requirement Bearer(Func<string, CancellationToken, ValueTask<object?>> verify, string realm = "simple") =>
        new BearerAuthentication(verify, realm);

    /// <summary>Compares two secrets in time independent of where they differ.</summary>
    public static bool SecretEquals(string? given, string? expected)
    {
        if (given is null || expected is null) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
