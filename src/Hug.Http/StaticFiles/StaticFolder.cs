namespace Hug.StaticFiles;

/// <summary>A folder served as static files under <paramref name="UrlPrefix"/> (<c>/assets</c>); <paramref name="Folder"/> is relative to the content root or absolute.</summary>
internal sealed record StaticFolder(string UrlPrefix, string Folder);
