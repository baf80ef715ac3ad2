using System.Net.Sockets;
using System.Text;

namespace Navo.Host.Tests.Support;

/// <summary>For tests that speak HTTP on a bare TCP connection (half a body, headers a byte at a time).</summary>
public static class RawConnection
{
    /// <summary>What the server sent before it closed the connection.</summary>
    public static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // The server may reset a connection it gave up on; what it sent before that is the answer.
        }

        return Encoding.UTF8.GetString(answer.ToArray());
    }
}
