using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace Hug.Tests.Support;

public enum Color { Red, Green }

/// <summary>A temperature in degrees Celsius, such as 21.5C.</summary>
[System.ComponentModel.Description("A temperature such as 21.5C")]
public readonly record struct Celsius(double Degrees) : IParsable<Celsius>
{
    public static Celsius Parse(string s, IFormatProvider? provider) => TryParse(s, provider, out var c) ? c : throw new FormatException();

    public static bool TryParse(string? s, IFormatProvider? provider, out Celsius result)
    {
        result = default;
        if (s is null || !s.EndsWith('C') || !double.TryParse(s[..^1], System.Globalization.CultureInfo.InvariantCulture, out var d)) return false;
        result = new Celsius(d);
        return true;
    }
}

public sealed record Address([Required] string City, [StringLength(5)] string? Zip);

public sealed record Person([Required, StringLength(20)] string Name, [Range(0, 150)] int Age, Address? Address, List<Address>? Previous);

public sealed class Greeter(string greeting)
{
    public string Greet(string name) => $"{greeting}, {name}";
}

public interface IClock { DateOnly Today { get; } }

public sealed class FixedClock : IClock { public DateOnly Today => new(2026, 11, 22); }

/// <summary>Endpoints exercising the binder over HTTP.</summary>
public static class BindingApi
{
    /// <summary>Echoes every scalar kind.</summary>
    [Get("/scalars")]
    public static object Scalars(long whole, double real, decimal money, Guid id, bool flag, Color color, DateOnly day, TimeSpan span, Celsius temperature) =>
        new { whole, real, money, id, flag, color, day, span, temperature = temperature.Degrees };

    [Get("/optional")]
    public static string Optional(int? count, string? name, int size = 5, Color color = Color.Green) => $"{count?.ToString() ?? "null"}|{name ?? "null"}|{size}|{color}";

    [Get("/text")]
    public static string Text(string value) => $"[{value}]";

    [Get("/list")]
    public static int[] List(int[] n) => n;

    [Get("/tags")]
    public static List<string> Tags(List<string> tag) => tag;

    [Get("/delimited")]
    public static int Delimited([Delimited] List<int> ids) => ids.Sum();

    [Get("/ranged")]
    public static int Ranged([Range(1, 10)] int size, [RegularExpression("^[a-z]+$")] string code = "abc") => size;

    [Post("/people")]
    public static Person Create(Person person) => person;

    /// <summary>The same record beside a second input: the body is parsed and looked up by name, not read whole.</summary>
    [Post("/people-tagged")]
    public static Person CreateTagged(Person person, string? tag) => person;

    [Post("/two-bodies")]
    public static string TwoBodies(Address home, Address work) => $"{home.City}->{work.City}";

    [Post("/raw")]
    public static JsonElementResult Raw(System.Text.Json.JsonElement payload) => new(payload.ValueKind.ToString());

    [Get("/users/{id}")]
    public static string User(int id, string? expand) => $"user {id} {expand}";

    [Http("/precedence/{value}", Methods = ["GET", "POST"])]
    public static string Precedence(string value) => value;

    [Post("/sum")]
    public static int Sum(int a, int b) => a + b;

    [Get("/async")]
    public static async Task<int> Slow(int n, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return n * 2;
    }

    [Get("/value-task")]
    public static ValueTask<string> Quick() => ValueTask.FromResult("quick");

    [Delete("/nothing")]
    public static void Nothing() { }

    [Post("/created", Status = 201)]
    public static async Task<string> Created(string name) { await Task.Yield(); return name; }

    [Get("/fail")]
    public static int Fail() => throw new InvalidOperationException("secret internal detail");

    [Get("/result")]
    public static IResult Result() => Results.Text("plain", "text/plain");

    [Get("/context")]
    public static string Context(HttpContext context, HttpRequest request) => $"{context.Request.Path}|{request.Method}";

    [Get("/today")]
    public static string Today(IClock clock) => clock.Today.ToString("O");

    public sealed record JsonElementResult(string Kind);
}

/// <summary>An instance class created through DI for each call.</summary>
public sealed class InstanceApi(IClock clock) : IDisposable
{
    public static int Disposed;

    [Get("/instance")]
    public string Now() => clock.Today.ToString("O");

    public void Dispose() => Interlocked.Increment(ref Disposed);
}

/// <summary>A versioned API.</summary>
public static class VersionedApi
{
    [Get("/echo", Versions = [1])]
    public static string EchoV1(string text) => "v1:" + text;

    [Get("/echo", Versions = [2])]
    public static string EchoV2(string text) => "v2:" + text;

    [Get("/ping")]
    public static string Ping() => "pong";
}
