using System.CommandLine;
using Hug;
using Hug.Tool;

// hug -f FILE [--host H] [--port P] [--no-404-documentation] [-c COMMAND ARGS...]
// Every token after -c COMMAND belongs to the command (so `-c add --help` is the command's help).
var split = Array.FindIndex(args, a => a is "-c" or "--command");
var runnerArgs = split < 0 ? args : args[..Math.Min(args.Length, split + 2)];
var commandArgs = split < 0 ? [] : args[Math.Min(args.Length, split + 1)..];

Option<FileInfo> file = new("--file", "-f") { Description = "The API: a .cs file (compiled in memory), a .csproj project or a .dll", Required = true };
Option<string> host = new("--host") { Description = "Host to serve on [default: localhost]" };
Option<int?> port = new("--port", "-p") { Description = "Port to serve on [default: 8000]" };
Option<bool> no404 = new("--no-404-documentation") { Description = "Answer unknown URLs with a plain 404" };
Option<bool> reload = new("--reload") { Description = "Recompile a .cs file when it changes and serve the new version on the same port" };
Option<string> command = new("--command", "-c") { Description = "Run this command of the API instead of serving; the tokens after it are its arguments" };
RootCommand root = new("hug: serve or run a Hug API from a C# file, a project or an assembly") { file, host, port, no404, reload, command };
root.SetAction(async (parseResult, cancellationToken) =>
{
    var path = parseResult.GetValue(file)!.FullName; // the usage names the API by this file's name
    if (parseResult.GetValue(reload))
    {
        if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || parseResult.GetValue(command) is not null)
        {
            Console.Error.WriteLine("--reload serves a .cs file; it does not combine with -c.");
            return 2;
        }
        var url = $"http://{parseResult.GetValue(host) ?? "localhost"}:{parseResult.GetValue(port) ?? 8000}";
        return await new ReloadingServer(path, url, !parseResult.GetValue(no404), Console.Out, Console.Error).RunAsync(cancellationToken);
    }
    var (assembly, errors) = ApiLoader.Load(path);
    if (assembly is null)
    {
        foreach (var error in errors) Console.Error.WriteLine(error);
        return 1;
    }
    if (ApiSetup.Create(assembly, path, new HugOptions(), Console.Error, out var exit) is not { } api) return exit;
    if (parseResult.GetValue(command) is not null) return await api.RunAsync(commandArgs, cancellationToken);
    List<string> serve = ["serve"];
    if (parseResult.GetValue(host) is { } h) serve.AddRange(["--host", h]);
    if (parseResult.GetValue(port) is { } p) serve.AddRange(["--port", p.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    if (parseResult.GetValue(no404)) serve.Add("--no-404-documentation");
    return await api.RunAsync([.. serve], cancellationToken);
});
// No termination handler of System.CommandLine's here: what runs inside handles Ctrl+C and SIGTERM itself (serve and
// --reload through the web host's console lifetime, a command through the API's own command line), and this one's short
// timeout would cut their graceful stop.
var parsed = root.Parse(runnerArgs);
if (parsed.Errors.Count > 0)
{
    // A usage error, as the API's own command line reports one: the problem on stderr, exit 2 (not help on stdout, exit 1).
    foreach (var parseError in parsed.Errors) Console.Error.WriteLine(parseError.Message);
    Console.Error.WriteLine("Usage: hug -f FILE [--host H] [--port P] [--reload] [-c COMMAND [ARGS...]] (hug --help for more)");
    return 2;
}
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
