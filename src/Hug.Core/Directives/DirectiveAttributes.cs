namespace Hug;

/// <summary>The parameter receives the authenticated user (what the verify function returned).</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class UserAttribute : Attribute;

/// <summary>The parameter (an <c>int?</c>) receives the API version of the call.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ApiVersionAttribute : Attribute;

/// <summary>The parameter (a <c>System.Text.Json.Nodes.JsonObject</c>) receives the API's documentation for the call's version.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DocumentationAttribute : Attribute;

/// <summary>The parameter receives the value of the custom directive <paramref name="name"/>, registered with <see cref="HugApi.AddDirective"/>.</summary>
/// <param name="name">The directive's name.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DirectiveAttribute(string name) : Attribute
{
    /// <summary>The directive's name.</summary>
    public string Name { get; } = name;
}
