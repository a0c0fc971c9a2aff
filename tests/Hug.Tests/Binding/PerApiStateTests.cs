using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Hug.Tests.Binding;

/// <summary>What an API learns about types (validators, JSON names) belongs to that API, not to a static shared by every API in the process.</summary>
public sealed class PerApiStateTests
{
    public sealed record Person(string Name, [property: Range(0, 150)] int AgeYears);

    public static class People
    {
        [Post, Cli]
        public static string Register(Person person) => person.Name;
    }

    [Fact]
    public async Task ErrorKeysFollowEachApisOwnNamingPolicy()
    {
        var camel = new HugApi().AddType(typeof(People));
        var snakeOptions = new HugOptions();
        snakeOptions.Json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        var snake = new HugApi(snakeOptions).AddType(typeof(People));
        var tooOld = new Dictionary<string, object?> { ["person"] = JsonDocument.Parse("""{"name": "Ann", "ageYears": 200, "age_years": 200}""").RootElement };

        var camelError = await Assert.ThrowsAsync<HugValidationException>(() => camel.Local.CallAsync("register", tooOld));
        var snakeError = await Assert.ThrowsAsync<HugValidationException>(() => snake.Local.CallAsync("register", tooOld));

        Assert.Equal(["person.ageYears"], camelError.Errors.Keys);
        Assert.Equal(["person.age_years"], snakeError.Errors.Keys);
    }
}
