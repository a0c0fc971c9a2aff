using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hug.Introspection;
using Hug.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Binding;

/// <summary>Produces one parameter's value for a call; typed so nothing is boxed on the way.</summary>
internal abstract class ParameterBinder
{
    public abstract Type Type { get; }

    /// <summary>The value as an object, for the one-call-per-process command-line invoker.</summary>
    public abstract object? BindBoxed(BindingContext context);

    /// <summary>Binders for every parameter of an endpoint; which parameters are services, the API decides (<see cref="HugApi.IsService"/>).</summary>
    public static ParameterBinder[] For(EndpointDescriptor endpoint, HugApi api)
    {
        Func<Type, bool> isService = api.IsService;
        var jsonParameters = 0;
        foreach (var parameter in endpoint.Parameters)
            if (parameter.Source == ParameterSource.Json && !isService(parameter.Type)) jsonParameters++;
        var binders = new ParameterBinder[endpoint.Parameters.Length];
        for (var i = 0; i < binders.Length; i++)
        {
            var parameter = endpoint.Parameters[i];
            var source = parameter.Source;
            if (source is ParameterSource.Json or ParameterSource.Unresolved && isService(parameter.Type))
                source = ParameterSource.Service;
            binders[i] = source switch
            {
                ParameterSource.Context => parameter.Shape.ContextBinder(parameter, endpoint, api),
                ParameterSource.Service => parameter.Shape.ServiceBinder(parameter),
                ParameterSource.Value or ParameterSource.Json => parameter.Shape.ValueBinder(parameter, source == ParameterSource.Json && jsonParameters == 1, api.Options),
                _ => throw new HugConfigurationException(
                    $"{endpoint.DisplayName}: parameter '{parameter.Name}' has type {parameter.Type.Name}, which Hug cannot read from a request " +
                    "and no registered service provides; use a simple type, a record/class read as JSON, or register the type as a service."),
            };
        }
        return binders;
    }
}

internal abstract class ParameterBinder<T>(ParameterDescriptor parameter) : ParameterBinder
{
    public ParameterDescriptor Parameter { get; } = parameter;

    public override Type Type => typeof(T);

    public abstract T Bind(BindingContext context);

    // BindBoxed and the generated call sites' Bind are declared in each sealed binder, not here: ReadyToRun
    // precompiles the methods a constructed ValueBinder<int> declares, not those it inherits from ParameterBinder<int>.
}

/// <summary>A caller-supplied value: converted, defaulted or reported missing, then validated.</summary>
internal sealed class ValueBinder<T> : ParameterBinder<T>, Generation.IArgumentBinder<T>
{
    private readonly ValueConverter<T> converter;
    private readonly T defaultValue;
    private readonly ValidationAttribute[]? validators;
    private readonly ObjectValidator? objectValidator;
    private readonly bool wholeBody;
    private readonly string missing;

    public ValueBinder(ParameterDescriptor parameter, bool wholeBody, HugOptions options) : base(parameter)
    {
        converter = (ValueConverter<T>)parameter.Converter!;
        defaultValue = parameter.DefaultValue is T value ? value : default!;
        validators = parameter.Validators;
        objectValidator = parameter.Source == ParameterSource.Json ? options.Validators.For(typeof(T)) : null;
        this.wholeBody = wholeBody;
        missing = "Required parameter '" + parameter.Name + "' not supplied";
    }

    public override object? BindBoxed(BindingContext context) => Bind(context);

    /// <summary>For generated call sites (declared here, not inherited: ReadyToRun precompiles what a constructed binder declares).</summary>
    T Generation.IArgumentBinder<T>.Bind(Generation.CallArguments arguments) => Bind((BindingContext)arguments);

    public override T Bind(BindingContext context)
    {
        var name = Parameter.Name;
        var raw = wholeBody ? context.GetBody() : context.GetValue(name);
        if (wholeBody && raw.IsAbsent) raw = context.GetValue(name);
        if (converter.AcceptsEmptyText ? raw.IsAbsent : raw.IsMissingUnlessText)
        {
            if (Parameter.IsRequired) context.AddError(name, missing);
            return defaultValue;
        }
        if (!converter.TryConvert(raw, out var value, out var error))
        {
            context.AddError(error.OfInput ? ConversionError.InputKey
                : error.Member is null ? name : name + (error.Member[0] == '[' ? "" : ".") + error.Member.TrimStart('.'), error.Message);
            return default!;
        }
        if (validators is not null) Validate(value, validators, context);
        if (objectValidator is not null && value is not null) objectValidator.Validate(value, name, context);
        return value;
    }

    private void Validate(T value, ValidationAttribute[] validators, BindingContext context)
    {
        var boxed = (object?)value;
        // The constructor given a display name: the one-argument form reflects over the instance for one (not trim-safe).
        var validationContext = new ValidationContext(boxed ?? Parameter, Parameter.Name, null, null) { MemberName = Parameter.Name };
        foreach (var validator in validators)
        {
            var result = validator.GetValidationResult(boxed, validationContext);
            if (result is not null && result != ValidationResult.Success)
            {
                context.AddError(Parameter.Name, Rules.Failure(validator, boxed) ?? result.ErrorMessage ?? $"Invalid {Parameter.Name}");
                return;
            }
        }
    }
}

/// <summary>
/// A directive: a value of the call itself (HTTP context, request, response, cancellation, user,
/// timer, interface, API version, the call context, a logger) or a custom directive's value.
/// </summary>
internal sealed class ContextBinder<T> : ParameterBinder<T>, Generation.IArgumentBinder<T>
{
    private readonly Func<BindingContext, T> read;

    public ContextBinder(ParameterDescriptor parameter, EndpointDescriptor endpoint, HugApi api) : base(parameter)
    {
        read = parameter.Context switch
        {
            ContextValue.Custom => Custom(api.Directive(endpoint, parameter.Name, parameter.DirectiveName!)),
            ContextValue.Logger => Logger(parameter.GeneratedShape),
            ContextValue.AuthenticatedUser => static c => c.Call.User is T user ? user : default!,
            // The API's hub on every interface: on the command line one with no connections (a broadcast reaches nobody).
            ContextValue.Hub => c => (T)(object)api.Hub,
            ContextValue.FormFile or ContextValue.FormFiles or ContextValue.Body => Upload(parameter),
            ContextValue.HttpContext or ContextValue.HttpRequest or ContextValue.HttpResponse => FromAdapter(parameter),
            ContextValue.User => c => c.AdapterValue(ContextValue.User, parameter.Name) is T user ? user : (T)(object)new ClaimsPrincipal(),
            ContextValue.Session => c => c.AdapterValue(ContextValue.Session, parameter.Name) is T session ? session : (T)(object)HugSession.ForOneCall(),
            ContextValue.Timer when parameter.Attributes.First<TimerPrecisionAttribute>() is { Digits: var digits } => c => (T)(object)new HugTimer(c.Call.Started, digits),
            _ => (Func<BindingContext, T>)Reader(parameter.Context),
        };
    }

    public override object? BindBoxed(BindingContext context) => Bind(context);

    /// <summary>For generated call sites (declared here, not inherited: ReadyToRun precompiles what a constructed binder declares).</summary>
    T Generation.IArgumentBinder<T>.Bind(Generation.CallArguments arguments) => Bind((BindingContext)arguments);

    public override T Bind(BindingContext context) => read(context);

    /// <summary>An uploaded file (by parameter name), all the files, or the raw body (the adapter reads them); missing and required is an error.</summary>
    private static Func<BindingContext, T> Upload(ParameterDescriptor parameter)
    {
        var missing = $"Required parameter '{parameter.Name}' not supplied";
        return c =>
        {
            var value = c.AdapterValue(parameter.Context, parameter.Name);
            if (value is null && parameter.IsRequired) c.AddError(parameter.Name, missing);
            return value is T typed ? typed : default!;
        };
    }

    /// <summary>A value only an adapter has (the HTTP context, request, response); start-up refuses it on interfaces that never have it.</summary>
    private static Func<BindingContext, T> FromAdapter(ParameterDescriptor parameter) => c =>
        c.AdapterValue(parameter.Context, parameter.Name) is T value ? value
        : throw new InvalidOperationException($"Parameter '{parameter.Name}' ({typeof(T).Name}) is only available to calls made over HTTP.");

    private static Func<BindingContext, T> Custom(Func<CallContext, object?> directive) =>
        c => directive(c.Call) is T value ? value : default!;

    /// <summary>The logger from the call's services, or a logger that discards (a CLI without logging), made when first needed.</summary>
    private static Func<BindingContext, T> Logger(TypeShape? shape)
    {
        T? fallback = default;
        return c => c.Services.GetService(typeof(T)) is T logger ? logger : fallback ??= (T)(shape?.Discarding ?? Discarding());
    }

    /// <summary>A logger that discards, of type <typeparamref name="T"/> (<c>ILogger</c>, or an <c>ILogger&lt;TCategory&gt;</c> the generator did not shape).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = ReflectionMode.Justification)]
    private static object Discarding() => typeof(T).IsGenericType
        ? Generic.Close(typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>), typeof(T).GetGenericArguments()[0]).GetField("Instance")!.GetValue(null)!
        : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private static Delegate Reader(ContextValue kind) => kind switch
    {
        ContextValue.CancellationToken => (Func<BindingContext, CancellationToken>)(c => c.Cancellation),
        ContextValue.Timer => (Func<BindingContext, HugTimer>)(c => new HugTimer(c.Call.Started)),
        ContextValue.Interface => (Func<BindingContext, HugInterfaces>)(c => c.Call.Interface),
        ContextValue.Call => (Func<BindingContext, CallContext>)(c => c.Call),
        ContextValue.ApiVersion => (Func<BindingContext, int?>)(c => c.Call.ApiVersion),
        ContextValue.Api => (Func<BindingContext, HugApi>)(c => c.Call.Api),
        ContextValue.Documentation => (Func<BindingContext, System.Text.Json.Nodes.JsonObject>)(c => c.Call.Api.Documentation(c.Call.ApiVersion)),
        ContextValue.CurrentApi => (Func<BindingContext, CurrentApi>)(c => new CurrentApi(c.Call)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>A service from the call's DI scope.</summary>
internal sealed class ServiceBinder<T>(ParameterDescriptor parameter) : ParameterBinder<T>(parameter), Generation.IArgumentBinder<T>
{
    public override object? BindBoxed(BindingContext context) => Bind(context);

    /// <summary>For generated call sites (declared here, not inherited: ReadyToRun precompiles what a constructed binder declares).</summary>
    T Generation.IArgumentBinder<T>.Bind(Generation.CallArguments arguments) => Bind((BindingContext)arguments);

    /// <summary>
    /// The service, or a default with the failure kept in the context (not thrown: the other parameters' input is still
    /// checked, and invalid input answered before a missing service). None is resolved for a call already failing.
    /// </summary>
    public override T Bind(BindingContext context)
    {
        if (context.BindingFailed) return default!;
        object? service;
        try
        {
            service = context.Services.GetService(typeof(T));
        }
        catch (InvalidOperationException exception)
        {
            context.FailService(Parameter.Name, typeof(T), exception);
            return default!;
        }
        if (service is null && Parameter.IsRequired) context.FailService(Parameter.Name, typeof(T), null);
        return (T)service!;
    }
}
