using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hug.Tests.Support;

/// <summary>Ports on 127.0.0.1 for the outside servers a test starts (redis-server, nginx).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now (the OS's choice for port 0).</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until <paramref name="port"/> accepts connections; false if <paramref name="server"/> exits or 10 s pass first.</summary>
    public static async Task<bool> WaitUntilListeningAsync(int port, Process server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
