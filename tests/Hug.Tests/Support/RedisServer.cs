using System.Diagnostics;

namespace Hug.Tests.Support;

/// <summary>
/// A real redis-server for one test, on a free loopback port, with nothing saved to disk; it can be stopped and started
/// again on the same port (an outage). Found on the PATH or by <c>HUG_REDIS_SERVER</c>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string HowToInstall = "apt-get install redis-server (macOS: brew install redis) or set HUG_REDIS_SERVER";

    public static readonly string? Executable = OutsidePrograms.Find("HUG_REDIS_SERVER", "redis-server", "redis-server.exe");

    private Process? process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for it.</summary>
    public string Configuration => $"127.0.0.1:{Port},connectTimeout=2000,connectRetry=1";

    public static async Task<RedisServer> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var server = new RedisServer(port);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("redis-server not found: " + HowToInstall + "."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", Path.GetTempPath() })
            info.ArgumentList.Add(argument);
        process?.Dispose(); // the one an outage stopped
        process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!await LoopbackPorts.WaitUntilListeningAsync(Port, process))
            throw new InvalidOperationException($"redis-server did not start on port {Port}.");
    }

    /// <summary>Kills the server: an outage, as the instances see it.</summary>
    public async Task StopAsync()
    {
        if (process is not { HasExited: false } running) return;
        running.Kill();
        await running.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
    }
}

/// <summary>A test that runs redis-server: skipped with how to install it where it is missing, except under <c>CI=true</c>.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        Skip = OutsidePrograms.SkipReason(RedisServer.Executable, "redis-server", RedisServer.HowToInstall);
    }
}
