using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Hug.Tests.Support;

namespace Hug.Tests.Examples;

/// <summary>examples/Formats as a real process: negotiation, upload then download with Range, a streamed feed.</summary>
public sealed class FormatsExampleTests
{
    [Fact]
    public async Task ServesEveryFormat()
    {
        var shelf = Directory.CreateTempSubdirectory("hug-shelf-").FullName;
        await using var example = ExampleProcess.Start("Formats", new Dictionary<string, string> { ["LIBRARY_SHELF"] = shelf }, "serve", "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await example.WaitForAddressAsync() };

        Assert.Contains("\"author\":\"Frank Herbert\"", await client.GetStringAsync("/book"));
        var text = new HttpRequestMessage(HttpMethod.Get, "/book");
        text.Headers.Accept.ParseAdd("text/plain");
        Assert.Equal("text/plain", (await client.SendAsync(text)).Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<pre>", await client.GetStringAsync("/book.html"));

        var name = $"note-{Guid.NewGuid():N}.txt";
        var upload = new MultipartFormDataContent { { new StringContent("abcdefghij"), "file", name } };
        var created = await client.PostAsync("/files", upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = System.Text.Json.JsonSerializer.Deserialize<string>(await created.Content.ReadAsStringAsync())!;
        var range = new HttpRequestMessage(HttpMethod.Get, location);
        range.Headers.Range = new RangeHeaderValue(0, 2);
        var partial = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("abc", await partial.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/files/missing.txt")).StatusCode);

        var feed = await client.GetStringAsync("/arrivals?count=2");
        Assert.Equal(2, feed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"title\":\"Volume 2\"", feed);
    }

    [Fact]
    public async Task UploadsAndDownloadsStayOnTheShelf()
    {
        // Issue 21, finding 9: names that were 500s, and symbolic links that led out of the folder.
        var shelf = Directory.CreateTempSubdirectory("hug-shelf-").FullName;
        var outside = Directory.CreateTempSubdirectory("hug-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(shelf, "link.txt"), Path.Combine(outside, "secret.txt"));
        await using var example = ExampleProcess.Start("Formats", new Dictionary<string, string> { ["LIBRARY_SHELF"] = shelf }, "serve", "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await example.WaitForAddressAsync() };

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/files/link.txt")).StatusCode);
        // (Dot segments such as .. never reach the route: clients and Kestrel remove them from paths.)
        foreach (var bad in new[] { ".hidden", new string('a', 300), "a%00b" })
        {
            using var response = await client.GetAsync("/files/" + bad);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var (name, stored) in new[] { ("..", "upload"), (".", "upload"), (new string('b', 300), new string('b', 100)), ("../up/a b.txt", "a_b.txt"), ("link.txt", "link.txt") })
        {
            var upload = new MultipartFormDataContent { { new StringContent("data"), "file", name } };
            var created = await client.PostAsync("/files", upload);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"\"/files/{stored}\"", await created.Content.ReadAsStringAsync());
        }
        // The upload named like the link replaced the link, not the file it pointed to.
        Assert.Equal("secret", File.ReadAllText(Path.Combine(outside, "secret.txt")));
        Assert.Null(new FileInfo(Path.Combine(shelf, "link.txt")).LinkTarget);
        Assert.Equal("data", await client.GetStringAsync("/files/link.txt"));
        Directory.Delete(outside, recursive: true);
        Directory.Delete(shelf, recursive: true);
    }

    [Fact]
    public async Task ServesItsCoversAsStaticFiles()
    {
        await using var example = ExampleProcess.Serve("Formats");
        using var client = new HttpClient { BaseAddress = await example.WaitForAddressAsync() };
        using var cover = await client.GetAsync("/covers/dune.svg");
        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        Assert.Equal("image/svg+xml", cover.Content.Headers.ContentType?.MediaType);
        using var range = new HttpRequestMessage(HttpMethod.Get, "/covers/dune.svg");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 3);
        using var partial = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("<svg", await partial.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/covers/%2e%2e/Formats.dll")).StatusCode);
        Assert.Contains("/covers/", await client.GetStringAsync("/")); // listed in the documentation
    }

    [Fact]
    public async Task StreamsOnTheCommandLine()
    {
        await using var example = ExampleProcess.Start("Formats", null, "arrivals", "--count", "2");
        Assert.Equal(0, await example.WaitForExitAsync());
        Assert.Equal(2, example.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task CtrlCCancelsAStreamingCommandThroughItsToken()
    {
        await using var example = ExampleProcess.Start("Formats", null, "arrivals", "--count", "100000");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!example.Output.Contains("Volume 1") && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Contains("Volume 1", example.Output);
        Process.Start("kill", ["-INT", example.Process.Id.ToString()])!.WaitForExit();
        int exit;
        try
        {
            exit = await example.WaitForExitAsync();
        }
        catch (OperationCanceledException)
        {
            // A process started with SIGINT ignored (as a shell's background job is) passes that on, and .NET keeps it ignored.
            throw new Xunit.Sdk.XunitException(SigintIgnored()
                ? "SIGINT is ignored by this test process, so by the example too: run dotnet test in the foreground (not with '&' from a script)."
                : $"no exit after SIGINT; stderr: {example.Error}");
        }
        Assert.Equal(130, exit);
        Assert.Contains("Cancelled.", example.Error);
        Assert.DoesNotContain("Volume 100000", example.Output);
    }

    /// <summary>Whether SIGINT (signal 2) is in this process's ignored set (Linux: /proc/self/status, SigIgn).</summary>
    private static bool SigintIgnored()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) : null;
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0b10) != 0;
    }
}
