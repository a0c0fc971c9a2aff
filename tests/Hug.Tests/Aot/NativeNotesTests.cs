using System.Text.Json;
using Hug.Tests.Support;
using Xunit.Abstractions;

namespace Hug.Tests.Aot;

/// <summary>
/// examples/Notes as a Native AOT binary (issue 33, point 2): a service with records, a list, a concrete service class and
/// a stream, whose JSON context is given in set-up after its methods are registered. It crashed at start-up ("This
/// JsonSerializerOptions instance is read-only") before any command ran; now its commands and serve work as under the JIT.
/// </summary>
[Collection("Native AOT")]
public sealed class NativeNotesTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hug-native-notes-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(string binary, params string[] args)
    {
        await using var app = ExampleProcess.StartProgram(binary, args, null, folder);
        var exit = await app.WaitForExitAsync();
        return (exit, app.Output, app.Error);
    }

    [NativeFact]
    public async Task ItsCommandsAndServeRunNatively()
    {
        var binary = await NativeApp.BinaryAsync("Notes", output);
        var added = await RunAsync(binary, "add", "milk");
        Assert.True(added.Exit == 0, added.Error);
        Assert.Equal("milk", JsonDocument.Parse(added.Output).RootElement.GetProperty("text").GetString());
        var list = await RunAsync(binary, "list");
        Assert.Equal((0, 1), (list.Exit, JsonDocument.Parse(list.Output).RootElement.GetArrayLength()));
        Assert.Equal((2, true), (await RunAsync(binary, "add", "")) is var empty ? (empty.Exit, empty.Error.StartsWith("text: ")) : default);
        Assert.Equal((1, "No note 9"), (await RunAsync(binary, "find", "9")) is var missing ? (missing.Exit, missing.Error.Trim()) : default);

        await using var serve = ExampleProcess.StartProgram(binary, ["serve", "--host", "127.0.0.1", "--port", "0"], null, folder);
        using var client = new HttpClient { BaseAddress = await serve.WaitForAddressAsync() };
        Assert.Contains("\"text\":\"milk\"", await client.GetStringAsync("/notes/1"));
        Assert.Contains("\"text\":\"milk\"", await client.GetStringAsync("/list"));
        Assert.Contains("\"text\":\"milk\"", await client.GetStringAsync("/export"));
        using var added2 = await client.PostAsync("/add", new FormUrlEncodedContent([new("text", "eggs")]));
        Assert.Equal(200, (int)added2.StatusCode);
    }
}
