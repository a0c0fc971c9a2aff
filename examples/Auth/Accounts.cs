using Hug;

/// <summary>An API with Basic, API key and bearer-token authentication</summary>
public static class Accounts
{
    /// <summary>Anyone may ping</summary>
    [Get, Cli]
    public static string Ping() => "pong";

    /// <summary>Greets the Basic-authenticated user</summary>
    [Get, Cli, Requires("basic")]
    public static string Hello([User] string user) => $"Hello, {user}";

    /// <summary>Reads the secret with an API key</summary>
    [Get, Cli, Requires("key")]
    public static string Secret([User] string user) => $"the secret, for {user}";

    /// <summary>Shows who holds the bearer token</summary>
    [Get, Cli, Requires("token")]
    public static Account Me([User] string user, [TimerPrecision(3)] HugTimer timer) => new(user, timer);

    /// <summary>Only on weekdays (a custom requirement), HTTP only; the command line stays free</summary>
    [Get, Cli, Requires("weekday", Interfaces = HugInterfaces.Http)]
    public static string Work([Directive("tenant")] string tenant, HugInterfaces via) => $"working for {tenant} via {via}";

    /// <summary>Who is calling, and how</summary>
    public sealed record Account(string Name, HugTimer Elapsed);

    /// <summary>The requirements and directive the endpoints above name, and the API's generated JSON metadata.</summary>
    public static void Configure(HugApi api)
    {
        api.Options.Json.TypeInfoResolver = AccountsJson.Default;
        api
        .AddRequirement("basic", Authentication.Basic((user, password) =>
            user == "ann" && Authentication.SecretEquals(password, "s3cret") ? user : null))
        .AddRequirement("key", Authentication.ApiKey(key =>
            Authentication.SecretEquals(key, "k-123") ? "key holder" : null, queryParameter: "api_key"))
        .AddRequirement("token", Authentication.Bearer(token =>
            Authentication.SecretEquals(token, "t-456") ? "token holder" : null))
        .AddRequirement("weekday", Requirement.From("Open on weekdays", call =>
            call.HttpContext?.Request.Headers["X-Day"].ToString() is not ("saturday" or "sunday"), "Closed at weekends"))
        .AddDirective("tenant", call => call.HttpContext?.Request.Headers["X-Tenant"].FirstOrDefault() ?? "nobody");
    }
}

/// <summary>The API's JSON, generated at compile time (see Program.cs): no reflection, so it also runs as a Native AOT binary.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Accounts.Account))]
internal sealed partial class AccountsJson : System.Text.Json.Serialization.JsonSerializerContext;
