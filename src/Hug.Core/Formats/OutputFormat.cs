using System.Net;
using System.Text;
using System.Text.Json;
using Hug.Formats;

namespace Hug;

/// <summary>
/// How a result becomes a response body. Register your own with <see cref="HugApi.AddOutputFormat"/>
/// and offer it per endpoint by name (<c>[Get(Formats = ["json", "text"])]</c>); the first offered
/// is the default, <c>Accept</c> (with q-values) or a URL suffix (<c>/add.txt</c>) choose another.
/// </summary>
public abstract class OutputFormat(string name, string mediaType, string? suffix, string description)
{
    /// <summary>The name endpoints offer it by (<c>json</c>, <c>text</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The media type matched against <c>Accept</c> (<c>text/plain</c>).</summary>
    public string MediaType { get; } = mediaType;

    /// <summary>The Content-Type header written.</summary>
    public virtual string ContentType => MediaType + "; charset=utf-8";

    /// <summary>The URL suffix that selects it (<c>txt</c> for <c>/add.txt</c>), or null.</summary>
    public string? Suffix { get; } = suffix;

    /// <summary>How the documentation names it.</summary>
    public string Description { get; } = description;

    /// <summary>The body of <paramref name="value"/> (declared type <paramref name="type"/>).</summary>
    public abstract ReadOnlyMemory<byte> Render(object? value, Type type, JsonSerializerOptions json);

    /// <summary>JSON, System.Text.Json with the API's options (the default).</summary>
    public static OutputFormat Json { get; } = new JsonFormat("json", indented: false, "JSON (Javascript Serialized Object Notation)");

    /// <summary>Indented JSON.</summary>
    public static OutputFormat PrettyJson { get; } = new JsonFormat("pretty-json", indented: true, "Indented JSON");

    /// <summary>Plain text: strings and scalars as they are, objects as indented JSON.</summary>
    public static OutputFormat Text { get; } = new TextFormat();

    /// <summary>HTML: a string result is the page; anything else is shown as escaped text.</summary>
    public static OutputFormat Html { get; } = new HtmlFormat();

    private sealed class JsonFormat(string name, bool indented, string description)
        : OutputFormat(name, "application/json", indented ? null : "json", description)
    {
        private JsonSerializerOptions? options;

        public override ReadOnlyMemory<byte> Render(object? value, Type type, JsonSerializerOptions json)
        {
            if (!indented) return JsonSerializer.SerializeToUtf8Bytes(value, json.GetTypeInfo(type));
            var pretty = options is { } cached && ReferenceEquals(cached.TypeInfoResolver, json.TypeInfoResolver) ? cached
                : options = new JsonSerializerOptions(json) { WriteIndented = true };
            return JsonSerializer.SerializeToUtf8Bytes(value, pretty.GetTypeInfo(type));
        }
    }

    private sealed class TextFormat() : OutputFormat("text", "text/plain", "txt", "Plain text")
    {
        public override ReadOnlyMemory<byte> Render(object? value, Type type, JsonSerializerOptions json) =>
            Encoding.UTF8.GetBytes(PlainText.Format(value, type, json) ?? "");
    }

    private sealed class HtmlFormat() : OutputFormat("html", "text/html", "html", "HTML")
    {
        public override ReadOnlyMemory<byte> Render(object? value, Type type, JsonSerializerOptions json) => Encoding.UTF8.GetBytes(value switch
        {
            string page => page,
            null => "",
            _ => $"<pre>{WebUtility.HtmlEncode(PlainText.Format(value, type, json))}</pre>",
        });
    }
}
