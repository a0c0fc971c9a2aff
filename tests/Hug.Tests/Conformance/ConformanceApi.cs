using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;

namespace Hug.Tests.Conformance;

/// <summary>The API every interface is checked against: one method per behaviour of the call pipeline.</summary>
public static class ConformanceApi
{
    [Get, Cli, SocketCall]
    public static int Add(int number_1, int number_2) => number_1 + number_2;

    [Get, Cli, SocketCall]
    public static int Pick([Range(1, 10)] int n, int offset = 0) => n + offset;

    [Get, Cli, SocketCall, Requires("sesame")]
    public static string Secret() => "opened";

    [Get, Cli, SocketCall]
    public static int Taken(string name) => throw new NameTakenException(name);

    [Get, Cli, SocketCall]
    public static int Broken() => throw new InvalidOperationException("boom");

    [Get, Cli, SocketCall, Transform(typeof(Doubled))]
    public static int Twice(int n) => n;

    [Get, Cli, SocketCall, Transform(typeof(Doubled), Interfaces = HugInterfaces.Cli | HugInterfaces.Local)]
    public static int DoubledOffHttp(int n) => n;

    [Get, Cli, SocketCall]
    public static async IAsyncEnumerable<int> Count(int to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    [Get, Cli, SocketCall]
    public static string Via(HugInterfaces @interface) => @interface.ToString();

    /// <summary>The timer directive kept to two decimal digits, wherever it is written.</summary>
    [Get, Cli, SocketCall]
    public static HugTimer Elapsed([TimerPrecision(2)] HugTimer timer)
    {
        Thread.Sleep(3); // some time, so that the unrounded seconds have more digits
        return timer;
    }

    /// <summary>A sibling call through <see cref="CurrentApi"/>: the sibling's requirements and validation apply.</summary>
    [Get, Cli, SocketCall]
    public static async Task<int> PickThroughSibling(int n, CurrentApi api) => await api.CallAsync<int>("pick", new { n });

    /// <summary>A user's type whose <c>Parse</c> says why a text is wrong: that message is the error on every interface.</summary>
    [Get, Cli, SocketCall]
    public static int Half(Even n) => n.Value / 2;

    /// <summary>A service that is registered but cannot be created (what it needs is not): one failure, after the input is checked.</summary>
    [Get, Cli, SocketCall]
    public static int Stocked(Warehouse warehouse, [Range(1, 9)] int count) => count;

    /// <summary>The API, its endpoints described by the source generator or (<paramref name="reflected"/>) through reflection.</summary>
    public static HugApi Create(bool reflected) => (reflected ? new HugApi().AddTypeByReflection(typeof(ConformanceApi)) : new HugApi().AddType(typeof(ConformanceApi)))
        .WithServices(services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Warehouse>(services))
        .AddRequirement("sesame", Requirement.From("the word", call => call.Credential("word") == "sesame", "Say the word"))
        .OnException<NameTakenException>((exception, _) => new ErrorResponse(409, new { taken = exception.Name }));
}

public sealed class NameTakenException(string name) : Exception($"'{name}' is taken")
{
    public string Name { get; } = name;
}

public sealed class Doubled : ITransform
{
    public object? Apply(object? result, CallContext call) => result is int n ? n * 2 : result;
}

/// <summary>An even number, parsed by its own rules.</summary>
public readonly record struct Even(int Value) : IParsable<Even>
{
    public static Even Parse(string s, IFormatProvider? provider) =>
        int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value % 2 == 0 ? new Even(value) : throw new FormatException($"'{s}' is not an even number")
            : throw new FormatException($"'{s}' is not a number");

    public static bool TryParse(string? s, IFormatProvider? provider, out Even result)
    {
        result = default;
        if (!int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value % 2 != 0) return false;
        result = new Even(value);
        return true;
    }
}

/// <summary>Needs a clock no one registers.</summary>
public sealed class Warehouse(Warehouse.IClock clock)
{
    public interface IClock;

    public IClock Clock => clock;
}

internal static class ConformanceApiServices
{
    public static HugApi WithServices(this HugApi api, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> add)
    {
        add(api.Services);
        return api;
    }
}
