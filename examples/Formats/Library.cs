using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Hug;
using Microsoft.AspNetCore.Http;

/// <summary>A small library: negotiated formats, a file download, a streamed feed and an upload</summary>
public static class Library
{
    // Where files are kept: LIBRARY_SHELF, else a folder of this user's own (never a fixed name in the shared
    // temp directory, which another user could create first or point elsewhere with a symbolic link).
    private static readonly string Shelf = Environment.GetEnvironmentVariable("LIBRARY_SHELF")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "hug-formats-example");

    /// <summary>What a stored file may be called: letters, digits, '.', '-' and '_', not starting with '.', at most 100.</summary>
    private const string SafeName = "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$";

    /// <summary>A book, as JSON, pretty JSON, text or HTML (Accept or /book.txt)</summary>
    [Get("/book", Formats = ["json", "text", "html", "pretty-json"]), Cli]
    public static Book Find(string title = "Dune") => new(title, "Frank Herbert", 1965);

    /// <summary>Downloads a stored file (Range requests give 206)</summary>
    /// <param name="name">The file's name on the shelf</param>
    [Get("/files/{name}")]
    public static FileInfo Download([RegularExpression(SafeName, ErrorMessage = "Use letters, digits, '.', '-' and '_' (at most 100), not starting with '.'")] string name)
    {
        var file = new FileInfo(Path.Combine(Shelf, name));
        // Only a plain file on the shelf: a symbolic link could lead anywhere (a missing file is a 404).
        return file.LinkTarget is null ? file : new FileInfo(Path.Combine(Shelf, ".missing"));
    }

    /// <summary>Stores an uploaded file under a safe version of its name; returns where to fetch it</summary>
    [Post("/files", Status = 201)]
    public static async Task<string> Upload(IFormFile file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Shelf);
        var name = ShelfName(file.FileName);
        // Written to a new file of our own, then renamed over the name: a symbolic link already there is replaced, never followed.
        var temporary = Path.Combine(Shelf, $".upload-{Guid.NewGuid():N}");
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew))
                await file.CopyToAsync(target, cancellationToken);
            File.Move(temporary, Path.Combine(Shelf, name), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return $"/files/{name}";
    }

    /// <summary>The client's file name made safe: only its last part, other characters as '_', no leading '.', at most 100.</summary>
    private static string ShelfName(string fileName)
    {
        var name = new string([.. Path.GetFileName(fileName.Replace('\\', '/')).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        if (name.Length > 100) name = name[..100];
        return name.Length == 0 ? "upload" : name;
    }

    /// <summary>New arrivals, one per line as they come (NDJSON, or server-sent events)</summary>
    [Get("/arrivals"), Cli]
    public static async IAsyncEnumerable<Book> Arrivals(int count = 3, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Delay(10, cancellationToken);
            yield return new Book($"Volume {i}", "Anonymous", 2000 + i);
        }
    }

    public sealed record Book(string Title, string Author, int Year);

    /// <summary>
    /// The library's own types through their generated JSON metadata (Hug adds its own behind them), and its book
    /// covers as static files (/covers/dune.svg: content type, ETag, ranges; nothing outside the folder).
    /// </summary>
    public static void Configure(HugApi api)
    {
        api.Options.Json.TypeInfoResolver = LibraryJson.Default;
        api.Http.Static("/covers", "covers");
    }
}

/// <summary>
/// The library's JSON, generated at compile time by System.Text.Json's source generator and given to Hug in
/// Configure: no reflection, so the example also runs as a Native AOT binary.
/// </summary>
[JsonSerializable(typeof(Library.Book))]
[JsonSerializable(typeof(IAsyncEnumerable<Library.Book>))]
internal sealed partial class LibraryJson : JsonSerializerContext;
