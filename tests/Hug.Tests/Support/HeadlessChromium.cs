using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hug.Tests.Support;

/// <summary>
/// Debian's headless Chromium, driven over the Chrome DevTools Protocol with a plain ClientWebSocket:
/// open pages, evaluate JavaScript in them, wait for a condition. Bounded waits throughout.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Chromium, Chrome or Edge: <c>HUG_CHROMIUM</c> or <c>CHROME_PATH</c>, else the usual install locations of Debian, other Linux, macOS and Windows; null when none.</summary>
    public static readonly string? Executable = Find();

    public const string HowToInstall = "install Chromium (Debian: apt-get install chromium; .ci/run does) or set HUG_CHROMIUM (or CHROME_PATH) to a Chromium, Chrome or Edge executable";

    private static string? Find()
    {
        foreach (var variable in new[] { "HUG_CHROMIUM", "CHROME_PATH" })
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        string[] candidates =
        [
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium",
            "/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "Google", "Chrome", "Application", "chrome.exe"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Google", "Chrome", "Application", "chrome.exe"),
            "/usr/bin/microsoft-edge", "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Microsoft", "Edge", "Application", "msedge.exe"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "Microsoft", "Edge", "Application", "msedge.exe"),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> pending = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource closing = new();
    private Task? reader;
    private int nextId;

    private HeadlessChromium(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Starts Chromium with an empty profile and connects to its DevTools endpoint.</summary>
    public static async Task<HeadlessChromium> StartAsync()
    {
        if (Executable is null)
            throw new InvalidOperationException("Chromium not found: " + HowToInstall + ".");
        var profile = Directory.CreateTempSubdirectory("hug-chromium-").FullName;
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
        }) info.ArgumentList.Add(flag);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync();
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
        return browser;
    }

    /// <summary>Opens <paramref name="url"/> in a new tab and waits until its document has loaded.</summary>
    public async Task<Page> OpenAsync(Uri url)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = url.ToString() });
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true });
        var page = new Page(this, attached["sessionId"]!.GetValue<string>());
        // The new tab starts on about:blank, itself 'complete': wait for the page asked for.
        await page.WaitForAsync($"location.href === {JsonSerializer.Serialize(url.ToString())} && document.readyState === 'complete'");
        return page;
    }

    private async Task ConnectAsync()
    {
        // Chromium writes the port it chose, and the browser's DevTools path, to this file.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + Timeout;
        string[] lines = [];
        while (lines.Length < 2)
        {
            if (process.HasExited) throw new InvalidOperationException($"chromium exited with {process.ExitCode}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("chromium did not open its DevTools port");
            await Task.Delay(50);
            if (File.Exists(portFile)) lines = (await File.ReadAllTextAsync(portFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), timeout.Token);
        reader = Task.Run(ReadAsync);
    }

    internal async Task<JsonNode> SendAsync(string method, JsonObject parameters, string? sessionId = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (sessionId is not null) message["sessionId"] = sessionId;
        await sending.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, closing.Token);
        }
        finally
        {
            sending.Release();
        }
        return await reply.Task.WaitAsync(Timeout);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var total = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (total == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    result = await socket.ReceiveAsync(buffer.AsMemory(total), closing.Token);
                    total += result.Count;
                } while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close) break;
                var message = JsonNode.Parse(buffer.AsSpan(0, total))!;
                if (message["id"] is not { } id || !pending.TryRemove(id.GetValue<int>(), out var reply)) continue; // an event
                if (message["error"] is { } error) reply.TrySetException(new InvalidOperationException($"DevTools: {error.ToJsonString()}"));
                else reply.TrySetResult(message["result"]!);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
        foreach (var reply in pending.Values) reply.TrySetException(new InvalidOperationException("DevTools connection closed"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open) await SendAsync("Browser.close", []).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or WebSocketException)
        {
        }
        closing.Cancel();
        if (reader is not null) await reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        socket.Dispose();
        if (!process.WaitForExit(5000)) process.Kill(entireProcessTree: true);
        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>One tab.</summary>
    public sealed class Page(HeadlessChromium browser, string sessionId)
    {
        /// <summary>The value of a JavaScript expression (promises awaited), as JSON.</summary>
        public async Task<JsonNode?> EvaluateAsync(string expression)
        {
            var result = await browser.SendAsync("Runtime.evaluate",
                new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true }, sessionId);
            if (result["exceptionDetails"] is { } exception)
                throw new InvalidOperationException($"JavaScript failed: {exception.ToJsonString()}");
            return result["result"]?["value"];
        }

        /// <summary>The page as a PNG, laid out at <paramref name="width"/> CSS pixels (the whole page, not only the window).</summary>
        public async Task<byte[]> ScreenshotAsync(int width, int height)
        {
            await browser.SendAsync("Emulation.setDeviceMetricsOverride",
                new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, sessionId);
            var shot = await browser.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, sessionId);
            return Convert.FromBase64String(shot["data"]!.GetValue<string>());
        }

        /// <summary>
        /// Polls a JavaScript condition until it is true (bounded); a condition that throws (the element
        /// is not there yet) counts as false. Fails with the last error and the page's text otherwise.
        /// </summary>
        public async Task WaitForAsync(string condition)
        {
            var deadline = DateTime.UtcNow + Timeout;
            string? lastError = null;
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    if (await EvaluateAsync($"Boolean({condition})") is JsonValue value && value.GetValue<bool>()) return;
                }
                catch (InvalidOperationException exception) when (exception.Message.StartsWith("JavaScript failed", StringComparison.Ordinal))
                {
                    lastError = exception.Message;
                }
                await Task.Delay(50);
            }
            throw new TimeoutException($"'{condition}' never held ({lastError ?? "no error"}); the page shows: {await EvaluateAsync("document.body ? document.body.innerText : ''")}");
        }
    }
}

/// <summary>
/// A test that drives a real browser: reported skipped, with how to install one, where no Chromium is found,
/// except under <c>CI=true</c>, where it runs and fails (CI must not pass without it).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "Chromium not found: " + HeadlessChromium.HowToInstall + ".";
    }
}
