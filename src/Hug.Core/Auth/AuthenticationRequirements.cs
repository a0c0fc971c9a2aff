using System.Text;

namespace Hug;

/// <summary>What every credential check shares: hug's three answers (missing, invalid, malformed).</summary>
internal abstract class CredentialAuthentication(string scheme, string realm) : Requirement
{
    protected string Challenge => $"{scheme} realm=\"{realm}\"";

    protected RequirementResult Missing() =>
        RequirementResult.Fail(401, "Authentication Required", $"Please provide valid {Description} credentials", Challenge);

    protected RequirementResult Invalid() =>
        RequirementResult.Fail(401, "Invalid Authentication", $"Provided {Description} credentials were invalid", Challenge);

    protected RequirementResult Malformed() =>
        RequirementResult.Fail(401, "Authentication Error", "Authentication header is improperly formed", Challenge);

    protected static RequirementResult Accept(CallContext context, object user)
    {
        context.User = user;
        return RequirementResult.Success();
    }

    /// <summary>
    /// Whether the Authorization header is there with another scheme (<c>Bearer abc</c> for Basic): well formed, just
    /// not credentials this requirement accepts, so they are invalid, not malformed.
    /// </summary>
    protected static bool OtherScheme(CallContext context, string scheme)
    {
        if (context.RequestHeader("Authorization") is not { Length: > 0 } value) return false;
        var space = value.IndexOf(' ');
        return !value.AsSpan(0, space < 0 ? value.Length : space).Equals(scheme, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The token after <paramref name="prefix"/> in the Authorization header; null if absent, "" if malformed.</summary>
    protected static string? AuthorizationValue(CallContext context, string prefix)
    {
        if (context.RequestHeader("Authorization") is not { Length: > 0 } value) return null;
        return value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && value[prefix.Length] == ' '
            ? value[(prefix.Length + 1)..].Trim()
            : "";
    }
}

internal sealed class BasicAuthentication(Func<string, string, CancellationToken, ValueTask<object?>> verify, string realm)
    : CredentialAuthentication("Basic", realm)
{
    public override string Description => "Basic HTTP Authentication";

    public override IReadOnlyList<CliCredential> CliCredentials { get; } =
    [
        new("username", "HUG_USERNAME", "User name for Basic HTTP Authentication"),
        new("password", "HUG_PASSWORD", "Password for Basic HTTP Authentication"),
    ];

    public override async ValueTask<RequirementResult> CheckAsync(CallContext context)
    {
        string user, password;
        if (!context.HasRequest)
        {
            if (context.Credential("username") is not { } cliUser || context.Credential("password") is not { } cliPassword) return Missing();
            (user, password) = (cliUser, cliPassword);
        }
        else
        {
            if (OtherScheme(context, "Basic")) return Invalid();
            var encoded = AuthorizationValue(context, "Basic");
            if (encoded is null) return Missing();
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                return Malformed();
            }
            var colon = decoded.IndexOf(':');
            if (encoded.Length == 0 || colon < 0) return Malformed();
            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        }
        return await verify(user, password, context.Cancellation) is { } accepted ? Accept(context, accepted) : Invalid();
    }
}

internal sealed class ApiKeyAuthentication(Func<string, CancellationToken, ValueTask<object?>> verify, string header, string? queryParameter, string realm)
    : CredentialAuthentication("ApiKey", realm)
{
    public override string Description => "API Key Header Authentication";

    /// <summary>The request header carrying the key (documented as an OpenAPI apiKey scheme).</summary>
    public string Header => header;

    public override IReadOnlyList<CliCredential> CliCredentials { get; } = [new("api-key", "HUG_API_KEY", "API key")];

    public override async ValueTask<RequirementResult> CheckAsync(CallContext context)
    {
        string? key;
        if (context.HasRequest)
        {
            key = context.RequestHeader(header);
            if (string.IsNullOrEmpty(key) && queryParameter is not null) key = context.QueryValue(queryParameter);
        }
        else
        {
            key = context.Credential("api-key");
        }
        if (string.IsNullOrEmpty(key)) return Missing();
        return await verify(key, context.Cancellation) is { } accepted ? Accept(context, accepted) : Invalid();
    }
}

internal sealed class BearerAuthentication(Func<string, CancellationToken, ValueTask<object?>> verify, string realm)
    : CredentialAuthentication("Bearer", realm)
{
    public override string Description => "Bearer Token Authentication";

    public override IReadOnlyList<CliCredential> CliCredentials { get; } = [new("token", "HUG_TOKEN", "Bearer token")];

    public override async ValueTask<RequirementResult> CheckAsync(CallContext context)
    {
        if (context.HasRequest && OtherScheme(context, "Bearer")) return Invalid();
        var token = !context.HasRequest ? context.Credential("token") : AuthorizationValue(context, "Bearer");
        if (token is null) return Missing();
        if (token.Length == 0) return Malformed();
        return await verify(token, context.Cancellation) is { } accepted ? Accept(context, accepted) : Invalid();
    }
}
