using System.Diagnostics.CodeAnalysis;

namespace Hug.Hosting;

/// <summary>
/// Parts of the web host a program can leave out at build time (feature switches: Native AOT trims what they guard).
/// </summary>
internal static class ServeFeatures
{
    /// <summary>The runtime switch behind the <c>HugHttps</c> MSBuild property (see build/Hug.targets).</summary>
    public const string HttpsSwitch = "Hug.Serve.Https";

    /// <summary>
    /// Whether <c>serve</c> can listen on https:// (Kestrel's HTTPS configuration: certificates from configuration, the
    /// development certificate, TLS). On unless the project says <c>&lt;HugHttps&gt;false&lt;/HugHttps&gt;</c>, e.g. behind a
    /// proxy that ends TLS: a native <c>serve</c> is then 3.2 MB smaller (benchmarks/RESULTS.md, session 13).
    /// </summary>
    [FeatureSwitchDefinition(HttpsSwitch)]
    public static bool Https { get; } = !AppContext.TryGetSwitch(HttpsSwitch, out var enabled) || enabled;

    /// <summary>The runtime switch behind the <c>HugOpenApi</c> MSBuild property (see build/Hug.targets).</summary>
    public const string OpenApiSwitch = "Hug.Serve.OpenApi";

    /// <summary>
    /// Whether <c>serve</c> can publish OpenAPI documents (Microsoft.AspNetCore.OpenApi). On unless the project says
    /// <c>&lt;HugOpenApi&gt;false&lt;/HugOpenApi&gt;</c>: a native <c>serve</c> is then 1.5 MB smaller and needs less memory
    /// (benchmarks/RESULTS.md, sessions 12 and 13); <c>--no-openapi</c> only turns the documents off at run time.
    /// </summary>
    [FeatureSwitchDefinition(OpenApiSwitch)]
    public static bool OpenApi { get; } = !AppContext.TryGetSwitch(OpenApiSwitch, out var enabled) || enabled;
}
