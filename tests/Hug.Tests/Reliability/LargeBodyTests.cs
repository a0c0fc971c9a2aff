using System.Net;
using System.Text;
using Hug.Tests.Support;

namespace Hug.Tests.Reliability;

/// <summary>
/// Large JSON bodies under a small heap (issue 21, finding 4): examples/Chat as a real process limited to 256 MiB of GC heap
/// (DOTNET_GCHeapHardLimit) takes 24 bodies of 10 MB from two clients at once; each is refused with a 400 (the text is limited
/// to 500 characters), none fails with a 500 (it was OutOfMemoryException: the shared ArrayPool kept every buffer it lent).
/// </summary>
public sealed class LargeBodyTests
{
    [Fact]
    public async Task TenMegabyteBodiesUnderASmallHeapAreRefusedNotFailed()
    {
        await using var example = ExampleProcess.Start("Chat", new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" },
            "serve", "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await example.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(60) };
        var body = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 10 * 1024 * 1024) + "\"}");
        // Two clients at once, twelve bodies each: the shared pool kept a set of buffers per thread and per core.
        var statuses = (await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var seen = new List<HttpStatusCode>();
            for (var i = 0; i < 12; i++)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync("/announce", content);
                seen.Add(response.StatusCode);
            }
            return seen;
        }))).SelectMany(s => s).ToList();
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal("0", await client.GetStringAsync("/people"));
    }
}
