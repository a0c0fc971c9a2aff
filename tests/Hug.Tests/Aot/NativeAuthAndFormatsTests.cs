using Hug.Tests.Support;
using Xunit.Abstractions;

namespace Hug.Tests.Aot;

/// <summary>examples/Auth and examples/Formats as Native AOT binaries (issue 17): their own records through their generated JSON contexts.</summary>
[Collection("Native AOT")]
public sealed class NativeAuthAndFormatsTests(ITestOutputHelper output)
{
    private Task<string> BinaryAsync(string example) => NativeApp.BinaryAsync(example, output);

    private static Task<(int Exit, string Output, string Error)> RunAsync(string binary, params string[] args) => NativeApp.RunAsync(binary, args);

    [NativeFact]
    public async Task AuthChecksCredentialsAndWritesItsRecord()
    {
        var binary = await BinaryAsync("Auth");
        Assert.Equal((0, "pong\n", ""), await RunAsync(binary, "ping"));
        var me = await RunAsync(binary, "me", "--token", "t-456");
        Assert.Equal(0, me.Exit);
        Assert.Contains("\"name\": \"token holder\"", me.Output);
        Assert.Equal(1, (await RunAsync(binary, "me")).Exit);

        await using var server = ExampleProcess.StartNative(binary, null, "serve", "--host", "127.0.0.1", "--port", "0");
        using var http = new HttpClient { BaseAddress = await server.WaitForAddressAsync() };
        using var refused = await http.GetAsync("/hello");
        Assert.Equal(401, (int)refused.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { { "Authorization", "Bearer t-456" } } };
        using var answer = await http.SendAsync(request);
        Assert.StartsWith("{\"name\":\"token holder\",\"elapsed\":", await answer.Content.ReadAsStringAsync());
    }

    [NativeFact]
    public async Task FormatsWritesItsRecordsAndStreams()
    {
        var binary = await BinaryAsync("Formats");
        Assert.Equal((0, "{\"title\":\"Dune\",\"author\":\"Frank Herbert\",\"year\":1965}\n", ""), await RunAsync(binary, "find", "--format", "json"));
        var arrivals = await RunAsync(binary, "arrivals", "--count", "2");
        Assert.Equal(0, arrivals.Exit);
        Assert.Equal(2, arrivals.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var shelf = Directory.CreateTempSubdirectory("hug-native-shelf-");
        try
        {
            await using var server = ExampleProcess.StartNative(binary, new Dictionary<string, string> { ["LIBRARY_SHELF"] = shelf.FullName },
                "serve", "--host", "127.0.0.1", "--port", "0");
            using var http = new HttpClient { BaseAddress = await server.WaitForAddressAsync() };
            Assert.Equal("{\"title\":\"Emma\",\"author\":\"Frank Herbert\",\"year\":1965}", await http.GetStringAsync("/book?title=Emma"));
            using var form = new MultipartFormDataContent { { new StringContent("hello"), "file", "note.txt" } };
            using var uploaded = await http.PostAsync("/files", form);
            Assert.Equal(201, (int)uploaded.StatusCode);
            Assert.Equal("hello", await http.GetStringAsync("/files/note.txt"));
            using var cover = await http.GetAsync("/covers/dune.svg"); // static files, found beside the binary
            Assert.Equal("image/svg+xml", cover.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(cover.Headers.ETag);
        }
        finally
        {
            shelf.Delete(recursive: true);
        }
    }
}
