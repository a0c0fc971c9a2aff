using System.Runtime.CompilerServices;
using Hug;
using Microsoft.AspNetCore.Http;

/// <summary>A small library: negotiated formats, a file download, a streamed feed and an upload</summary>
public static class Library
{
    private static readonly string Shelf = Path.Combine(Path.GetTempPath(), "hug-formats-example");

    /// <summary>A book, as JSON, pretty JSON, text or HTML (Accept or /book.txt)</summary>
    [Get("/book", Formats = ["json", "text", "html", "pretty-json"]), Cli]
    public static Book Find(string title = "Dune") => new(title, "Frank Herbert", 1965);

    /// <summary>Downloads a stored file (Range requests give 206)</summary>
    [Get("/files/{name}")]
    public static FileInfo Download(string name) => new(Path.Combine(Shelf, Path.GetFileName(name)));

    /// <summary>Stores an uploaded file; returns where to fetch it</summary>
    [Post("/files", Status = 201)]
    public static async Task<string> Upload(IFormFile file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Shelf);
        var name = Path.GetFileName(file.FileName);
        await using var target = File.Create(Path.Combine(Shelf, name));
        await file.CopyToAsync(target, cancellationToken);
        return $"/files/{name}";
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
}
