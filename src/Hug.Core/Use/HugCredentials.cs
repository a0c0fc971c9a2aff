namespace Hug;

/// <summary>
/// Credentials a client sends with every call: over HTTP and WebSocket calls as the headers the matching
/// <see cref="Authentication"/> requirement reads, in process as the command line's credentials
/// (<c>username</c>/<c>password</c>, <c>api-key</c>, <c>token</c>).
/// </summary>
public sealed class HugCredentials
{
    private readonly string? userName, password, apiKey, apiKeyHeader, token;

    private HugCredentials(string? userName = null, string? password = null, string? apiKey = null, string? apiKeyHeader = null, string? token = null) =>
        (this.userName, this.password, this.apiKey, this.apiKeyHeader, this.token) = (userName, password, apiKey, apiKeyHeader, token);

    /// <summary>Basic HTTP Authentication (<c>Authorization: Basic …</c>).</summary>
    public static HugCredentials Basic(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        return new(userName: userName, password: password);
    }

    /// <summary>An API key, in <paramref name="header"/> (the default of <see cref="Authentication.ApiKey(Func{string, object?}, string, string?, string)"/>).</summary>
    public static HugCredentials ApiKey(string key, string header = "X-Api-Key")
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        return new(apiKey: key, apiKeyHeader: header);
    }

    /// <summary>A bearer token (<c>Authorization: Bearer …</c>).</summary>
    public static HugCredentials Bearer(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token: token);
    }

    /// <summary>The credential the command line would read under <paramref name="name"/> (its kebab-case name), or null.</summary>
    public string? Credential(string name) => name switch
    {
        "username" => userName,
        "password" => password,
        "api-key" => apiKey,
        "token" => token,
        _ => null,
    };

    /// <summary>The request headers that carry these credentials.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        if (userName is not null)
            yield return new("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userName + ":" + password)));
        if (apiKey is not null) yield return new(apiKeyHeader!, apiKey);
        if (token is not null) yield return new("Authorization", "Bearer " + token);
    }
}
