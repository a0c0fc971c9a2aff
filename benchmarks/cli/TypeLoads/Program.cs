// Which types a process loads that another does not: reads two EventPipe traces recorded with the runtime's
// type-load and R2R events (see benchmarks/cli-typeloads.sh) and prints counts and the difference.
// At start-up a type load or a ReadyToRun method costs tens of thousands of instructions, so this list is
// where a command's start-up goes beyond the baseline's.
using Microsoft.Diagnostics.Tracing;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: TypeLoads <trace.nettrace> <baseline.nettrace> [--all]");
    return 2;
}
var (types, methods) = Read(args[0]);
var (baseTypes, baseMethods) = Read(args[1]);
Console.WriteLine($"{Path.GetFileName(args[0])}: {types.Count} types, {methods} ReadyToRun methods; " +
                  $"{Path.GetFileName(args[1])}: {baseTypes.Count} types, {baseMethods} ReadyToRun methods");
var extra = types.Except(baseTypes).Order(StringComparer.Ordinal).ToList();
Console.WriteLine($"{extra.Count} types loaded beyond the baseline, by namespace:");
foreach (var group in extra.GroupBy(Namespace).OrderByDescending(g => g.Count()))
    Console.WriteLine($"  {group.Count(),5}  {group.Key}");
if (args.Contains("--all"))
    foreach (var name in extra) Console.WriteLine("  " + name);
// --methods: the ReadyToRun methods entered beyond the baseline's (compare two builds of one app).
if (args.Contains("--methods"))
{
    var baseline = ReadAll(args[1]).Methods.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
    foreach (var method in ReadAll(args[0]).Methods)
        if (!baseline.TryGetValue(method, out var left) || left == 0) Console.WriteLine("  + " + method);
        else baseline[method] = left - 1;
}
return 0;

static (HashSet<string> Types, int Methods) Read(string path) => ReadAll(path) is var (types, methods) ? (types, methods.Count) : default;

static (HashSet<string> Types, List<string> Methods) ReadAll(string path)
{
    var types = new HashSet<string>(StringComparer.Ordinal);
    var methods = new List<string>();
    using var source = new EventPipeEventSource(path);
    source.Clr.TypeLoadStop += e => types.Add(e.TypeName);
    source.Clr.MethodR2RGetEntryPoint += e => methods.Add(e.MethodNamespace + "::" + e.MethodName);
    source.Process();
    return (types, methods);
}

static string Namespace(string type)
{
    var end = type.IndexOfAny(['`', '<', '[', '+']);
    var name = end > 0 ? type[..end] : type;
    var dot = name.LastIndexOf('.');
    return dot > 0 ? name[..dot] : "(global)";
}
