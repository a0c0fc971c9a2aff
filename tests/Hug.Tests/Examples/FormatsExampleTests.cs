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
        await using var example = ExampleProcess.Serve("Formats");
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
        Assert.Equal(130, await example.WaitForExitAsync());
        Assert.Contains("Cancelled.", example.Error);
        Assert.DoesNotContain("Volume 100000", example.Output);
    }
}
