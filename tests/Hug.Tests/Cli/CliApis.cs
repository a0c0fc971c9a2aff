using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Hug.Tests.Support;

namespace Hug.Tests.Cli;

/// <summary>Tools for the command line.</summary>
public static class Tools
{
    /// <summary>Returns the result of adding number_1 to number_2</summary>
    /// <param name="number_1">The first addend.</param>
    [Get, Cli]
    public static int Add(int number_1, int number_2) => number_1 + number_2;

    /// <summary>Greets someone by name</summary>
    /// <param name="name">Who to greet.</param>
    /// <param name="maxCount">How many times.</param>
    [Cli]
    public static string Greet(string name, int maxCount = 1, bool excited = false, Color color = Color.Red, string? suffix = null, int number_3 = 0) =>
        string.Join(' ', Enumerable.Repeat(name + (excited ? "!" : ""), maxCount)) + $" {color}{suffix}{(number_3 > 0 ? number_3 : "")}";

    [Cli]
    public static int Total(string label, int[] values) => values.Sum();

    [Cli]
    public static string Tagged(string name, List<string>? tag = null) => $"{name}:{string.Join(',', tag ?? [])}";

    [Cli]
    public static Person Person(string name, int age) => new(name, age, null, null);

    [Cli]
    public static string? Nothing() => null;

    [Cli]
    public static void Quiet() { }

    [Cli]
    public static object Mixed() => new { when = new DateOnly(2024, 1, 31), ratio = 0.5, ok = true };

    [Cli]
    public static DateOnly Day() => new(2024, 1, 31);

    [Cli]
    public static bool Check() => true;

    [Cli]
    public static Color Favourite() => Color.Green;

    [Cli]
    public static int Boom() => throw new InvalidOperationException("it broke");

    [Cli]
    public static int Ranged([Range(1, 10)] int size) => size;

    [Cli("rename-me")]
    public static string Renamed() => "renamed";

    [Cli]
    public static async IAsyncEnumerable<int> Count(int to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    [Cli]
    public static async Task<string> Wait(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        return "waited";
    }
}

/// <summary>Manage users</summary>
[Cli("users")]
public static class Users
{
    /// <summary>Adds a user</summary>
    [Cli]
    public static string Add(string name) => "added " + name;

    /// <summary>Lists users</summary>
    [Cli("ls")]
    public static string[] List() => ["ann", "bob"];
}

public static class CliOnly
{
    [Cli]
    public static string Hello() => "hello";
}

public static class HttpOnly
{
    [Get]
    public static string Hello() => "hello";
}

public static class NeedsHttp
{
    [Cli]
    public static string Path(Microsoft.AspNetCore.Http.HttpRequest request) => request.Path;
}
