namespace Hug;

/// <summary>
/// Makes a method callable in process only (hug's <c>@hug.local()</c>): through <see cref="HugApi.Local"/>,
/// <c>HugClient.Local</c> and <see cref="CurrentApi"/>, with its validation, directives and the requirements scoped
/// to <see cref="HugInterfaces.Local"/>; never published over HTTP, the command line or WebSocket calls, nor in their
/// documentation. (Every exposed method is also callable in process: this attribute is for methods exposed nowhere else.)
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LocalAttribute : Attribute;
