using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

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

    /// <summary>The token after <paramref name="prefix"/> in the Authorization header; null if absent, "" if malformed.</summary>
    protected static string? AuthorizationValue(CallContext context, string prefix)
    {
        var header = context.HttpContext!.Request.Headers.Authorization;
        if (StringValues.IsNullOrEmpty(header)) return null;
        var value = header.ToString();
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
        if (context.HttpContext is null)
        {
            if (context.Credential("username") is not { } cliUser || context.Credential("password") is not { } cliPassword) return Missing();
            (user, password) = (cliUser, cliPassword);
        }
        else
        {
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

    public override IReadOnlyList<CliCredential> CliCredentials { get; } = [new("api-key", "HUG_API_KEY", "API key")];

    public override async ValueTask<RequirementResult> CheckAsync(CallContext context)
    {
        string? key;
        if (context.HttpContext is { } http)
        {
            key = http.Request.Headers[header].FirstOrDefault();
            if (string.IsNullOrEmpty(key) && queryParameter is not null) key = http.Request.Query[queryParameter].FirstOrDefault();
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
        var token = context.HttpContext is null ? context.Credential("token") : AuthorizationValue(context, "Bearer");
        if (token is null) return Missing();
        if (token.Length == 0) return Malformed();
        return await verify(token, context.Cancellation) is { } accepted ? Accept(context, accepted) : Invalid();
    }
}

/// <summary>An ASP.NET Core authorization policy, evaluated with the app's IAuthorizationService.</summary>
internal sealed class PolicyRequirement(string policy) : Requirement
{
    public override string Description => $"Authorization policy '{policy}'";

    public override async ValueTask<RequirementResult> CheckAsync(CallContext context)
    {
        var http = context.HttpContext!;
        var authorization = http.RequestServices.GetService<IAuthorizationService>()
            ?? throw new InvalidOperationException($"Requirement {Description} needs services.AddAuthorization().");
        var result = await authorization.AuthorizeAsync(http.User, null, policy);
        if (result.Succeeded)
        {
            context.User = http.User;
            return RequirementResult.Success();
        }
        return http.User.Identity?.IsAuthenticated == true
            ? RequirementResult.Fail(403, "Forbidden", $"The authorization policy '{policy}' denied the request")
            : RequirementResult.Fail(401, "Authentication Required", $"The authorization policy '{policy}' requires an authenticated user",
                http.RequestServices.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is null ? null : "Bearer");
    }
}
