using System.Net;
using System.Text.Json;
using Hug.Tests.Support;

namespace Hug.Tests.Examples;

/// <summary>
/// examples/Notes as real processes (issue 33): a concrete service taking a logger and the configuration, its JSON
/// context given in set-up, records, a list, a stream; the same container on a command as under serve.
/// </summary>
public sealed class NotesExampleTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hug-notes-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int Exit, string Output, string Error)> Command(params string[] args)
    {
        await using var notes = ExampleProcess.StartIn(folder, "Notes", null, args);
        var exit = await notes.WaitForExitAsync();
        return (exit, notes.Output, notes.Error);
    }

    [Fact]
    public async Task ItsCommandsReadTheConfigurationAndLogToStandardError()
    {
        // appsettings.json in the content root (the current directory), as serve reads it: the file, and a log level.
        await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"),
            """{ "Notes": { "File": "kept.json" }, "Logging": { "LogLevel": { "NoteStore": "Information" } } }""");
        var added = await Command("add", "milk");
        Assert.Equal(0, added.Exit);
        Assert.Equal("milk", JsonDocument.Parse(added.Output).RootElement.GetProperty("text").GetString());
        Assert.Contains("Note 1 added to", added.Error); // the service's ILogger<NoteStore>, on stderr: stdout is the result
        Assert.True(File.Exists(Path.Combine(folder, "kept.json")));

        await Command("add", "eggs");
        var list = await Command("list", "--limit", "1");
        Assert.Equal((0, "eggs"), (list.Exit, JsonDocument.Parse(list.Output).RootElement[0].GetProperty("text").GetString()));
        var export = await Command("export");
        Assert.Equal(2, export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task InvalidInputIsAnsweredBeforeTheServiceAndAMissingNoteIsItsMessage()
    {
        var empty = await Command("add", "");
        Assert.Equal(2, empty.Exit);
        Assert.StartsWith("text: ", empty.Error);
        var missing = await Command("find", "999");
        Assert.Equal((1, "No note 999"), (missing.Exit, missing.Error.Trim()));
    }

    [Fact]
    public async Task ItServesTheSameNotes()
    {
        await Command("add", "from the command line");
        await using var serve = ExampleProcess.StartIn(folder, "Notes", null, "serve", "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await serve.WaitForAddressAsync() };
        using var added = await client.PostAsync("/add", new FormUrlEncodedContent([new("text", "over HTTP")]));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var list = JsonDocument.Parse(await client.GetStringAsync("/list")).RootElement;
        Assert.Equal(["over HTTP", "from the command line"], list.EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.Contains("\"id\":1", await client.GetStringAsync("/notes/1"));
        using var missing = await client.GetAsync("/notes/999");
        Assert.Equal((HttpStatusCode.NotFound, "\"No note 999\""), (missing.StatusCode, await missing.Content.ReadAsStringAsync()));
        Assert.Equal(2, (await client.GetStringAsync("/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using var invalid = await client.PostAsync("/add", new FormUrlEncodedContent([new("text", new string('x', 201))]));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}
