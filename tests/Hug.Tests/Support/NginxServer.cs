using System.Diagnostics;

namespace Hug.Tests.Support;

/// <summary>
/// A real nginx for one test, run in the foreground from a temporary prefix with the repository's
/// <c>docs/nginx/hug.conf</c> as its http part (ports replaced). Found on the PATH, in /usr/sbin, or by <c>HUG_NGINX</c>.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    public const string HowToInstall = "apt-get install nginx (macOS: brew install nginx) or set HUG_NGINX";

    public static readonly string? Executable = OutsidePrograms.Find("HUG_NGINX", "nginx", "nginx.exe")
        ?? (File.Exists("/usr/sbin/nginx") && Environment.GetEnvironmentVariable("HUG_NGINX") is null ? "/usr/sbin/nginx" : null);

    private readonly Process process;
    private readonly string prefix;

    private NginxServer(Process process, string prefix, Uri address)
    {
        this.process = process;
        this.prefix = prefix;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts nginx in front of <paramref name="first"/> and <paramref name="second"/> (the documented file's 8001 and 8002).</summary>
    public static async Task<NginxServer> StartAsync(Uri first, Uri second)
    {
        var prefix = Directory.CreateTempSubdirectory("hug-nginx-").FullName;
        var port = LoopbackPorts.Free();
        var documented = await File.ReadAllTextAsync(Path.Combine(ExampleProcess.RepositoryRoot, "docs", "nginx", "hug.conf"));
        await File.WriteAllTextAsync(Path.Combine(prefix, "hug.conf"), documented
            .Replace("127.0.0.1:8001", first.Authority).Replace("127.0.0.1:8002", second.Authority).Replace("127.0.0.1:8080", $"127.0.0.1:{port}"));
        var temp = Directory.CreateDirectory(Path.Combine(prefix, "temp")).FullName;
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            error_log {{prefix}}/error.log;
            pid {{prefix}}/nginx.pid;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{prefix}}/hug.conf;
            }
            """);
        var info = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("nginx not found: " + HowToInstall + "."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-g", "daemon off;" }) info.ArgumentList.Add(argument);
        var process = Process.Start(info)!;
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, line) => { lock (errors) errors.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await LoopbackPorts.WaitUntilListeningAsync(port, process)) return new NginxServer(process, prefix, new Uri($"http://127.0.0.1:{port}"));
        var log = File.Exists(Path.Combine(prefix, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(prefix, "error.log")) : "";
        lock (errors) throw new InvalidOperationException("nginx did not start: " + errors + log);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // The master stops its workers and waits for them (killing it would leave them as zombies).
            if (!OperatingSystem.IsWindows()) Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
        try { Directory.Delete(prefix, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
