using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace Hug.StaticFiles;

/// <summary>
/// A folder's files and nothing else. <see cref="PhysicalFileProvider"/> already refuses <c>..</c> above the root and
/// absolute paths, and hides dot, hidden and system files; it follows links, so this also refuses a file reached
/// through a link (the file's or a folder's on the way) whose target lies outside the folder.
/// </summary>
internal sealed class ContainedFileProvider(string root) : IFileProvider
{
    private readonly PhysicalFileProvider files = new(root, ExclusionFilters.Sensitive);
    private readonly string rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    private readonly string? realRoot = new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true)?.FullName;

    public IFileInfo GetFileInfo(string subpath)
    {
        var info = files.GetFileInfo(subpath);
        if (!info.Exists || info.PhysicalPath is not { } path) return info;
        if (!Contained(path)) return new NotFoundFileInfo(subpath);
        // A link inside the folder is served as its target: the link's own length is not the file's.
        return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? new PhysicalFileInfo(target) : info;
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var contents = files.GetDirectoryContents(subpath);
        return contents.Exists && Path.Combine(rootPath, subpath.TrimStart('/', '\\')) is var path && !Contained(path) ? NotFoundDirectoryContents.Singleton : contents;
    }

    public IChangeToken Watch(string filter) => files.Watch(filter);

    /// <summary>Whether <paramref name="path"/> (under the root) and every folder between it and the root lead to places inside the root.</summary>
    private bool Contained(string path)
    {
        for (FileSystemInfo? entry = File.Exists(path) ? new FileInfo(path) : new DirectoryInfo(path);
             entry is not null && Path.TrimEndingDirectorySeparator(entry.FullName).Length > rootPath.Length;
             entry = entry is FileInfo file ? file.Directory : ((DirectoryInfo)entry).Parent)
        {
            if (entry.LinkTarget is null) continue;
            var target = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || !(Inside(target, rootPath) || (realRoot is not null && Inside(target, realRoot)))) return false;
        }
        return true;
    }

    private static bool Inside(string path, string folder) =>
        path.StartsWith(folder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
        && (path.Length == folder.Length || path[folder.Length] is '/' or '\\');
}
