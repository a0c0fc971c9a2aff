using System.Net.Sockets;
using System.Text;

namespace Hug.Tests.Support;

/// <summary>A request written byte for byte (HttpClient normalises targets like <c>*</c> and <c>/a/%2e%2e/b</c>).</summary>
public static class RawHttp
{
    /// <summary>Sends <c>METHOD target HTTP/1.1</c> to <paramref name="address"/>; the status and the whole response.</summary>
    public static async Task<(int Status, string Response)> SendAsync(Uri address, string method, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n"));
        var response = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
        return (int.Parse(response.Split(' ')[1]), response);
    }
}
