using System.Text.Json;
using System.Text.Json.Serialization;
using Hug.Testing;

namespace Hug.Tests.Formats;

public enum Shade { Dark, [JsonStringEnumMemberName("light-blue")] LightBlue }

public static class ShadeApi
{
    /// <summary>Echoes a shade</summary>
    [Get, Cli]
    public static Shade Echo(Shade shade) => shade;
}

/// <summary>A renamed enum member (<c>[JsonStringEnumMemberName]</c>) has its name everywhere: binding, output, docs, help, OpenAPI.</summary>
public sealed class EnumNamesTests
{
    [Fact]
    public async Task TheJsonNameIsTheNameEverywhere()
    {
        var api = new HugApi().AddType(typeof(ShadeApi));
        await using var host = await HugTestHost.StartAsync(api);
        using var http = host.CreateHttpClient();

        Assert.Equal("\"light-blue\"", await http.GetStringAsync("/echo?shade=light-blue"));
        var docs = JsonDocument.Parse(await http.GetStringAsync("/")).RootElement;
        Assert.Contains("light-blue", docs.GetProperty("handlers").GetProperty("/echo").GetProperty("GET").GetProperty("inputs").GetProperty("shade").GetProperty("type").GetString());
        var openApi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.Contains("light-blue", openApi.GetProperty("components").GetProperty("schemas").GetProperty("Shade").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        var command = await HugCommandLineRunner.RunAsync(api, "echo", "light-blue");
        Assert.Equal((0, "light-blue"), (command.ExitCode, command.Output.Trim()));
        var help = await HugCommandLineRunner.RunAsync(api, "echo", "--help");
        Assert.Contains("light-blue", help.Output);
        Assert.DoesNotContain("lightBlue", help.Output);
    }
}
