using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Navo.Testing;

namespace Navo.Bench;

/// <summary>
/// Image uploads through the real host: upload-to-ready time of a 12-megapixel photo (the 201 comes once every copy
/// is stored), the bytes a browser fetches for the hero at 390 px and 1280 px against the original's size, and how
/// much the host's resident memory grows while 20 such photos are uploaded at once.
/// </summary>
public static class ImagesBenchmark
{
    private const int Width = 4000;
    private const int Height = 3000;

    public static Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"Making a {Width} × {Height} test photo…");
        var photo = TestImages.Photo(Width, Height);
        Console.WriteLine($"Original: {photo.Length:N0} bytes ({photo.Length / 1048576.0:0.0} MiB), JPEG quality 88");
        var pass = 0;
        return HttpBenchmarks.RunAsync(async (host, client) =>
        {
            pass++;
            var project = (await (await client.PostAsJsonAsync("/api/v1/projects", new { description = "Rosa's Bakery is a bakery in Porto." }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var serial = new List<double>();
            JsonElement asset = default;
            for (var i = 0; i < (options.Iterations ?? 20); i++)
            {
                var started = Stopwatch.GetTimestamp();
                asset = await UploadAsync(client, project, Distinct(photo, $"{pass}-serial-{i}"));
                serial.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            if (pass == 2)
            {
                PrintBytes(asset, photo.Length);
            }

            // 20 at once: the host's resident memory sampled every 20 ms, against what it held just before.
            var before = host.WorkingSet;
            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, host.WorkingSet);
                    await Task.Delay(20, CancellationToken.None);
                }
            });
            var clock = Stopwatch.StartNew();
            var concurrent = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            {
                var started = Stopwatch.GetTimestamp();
                await UploadAsync(client, project, Distinct(photo, $"{pass}-concurrent-{i}"));
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
            var elapsed = clock.Elapsed;
            await sampling.CancelAsync();
            await sampler;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Pass {pass}: 20 concurrent uploads in {elapsed.TotalSeconds:0.0} s; host resident memory {before / 1048576.0:0} MiB before, peak {peak / 1048576.0:0} MiB (+{(peak - before) / 1048576.0:0} MiB), {host.WorkingSet / 1048576.0:0} MiB after"));
            return [("upload to ready, 12 MP JPEG, one at a time", serial), ("upload to ready, 12 MP JPEG, 20 at once", [.. concurrent])];
        });
    }

    /// <summary>The same photo with a JPEG comment naming the run, so each upload is a new image (a new hash).</summary>
    private static byte[] Distinct(byte[] jpeg, string label)
    {
        var comment = Encoding.ASCII.GetBytes(label);
        var length = comment.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xFE, (byte)(length >> 8), (byte)length, .. comment, .. jpeg[2..]];
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, Guid project, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "photo.jpg");
        var response = await client.PostAsync($"/api/v1/projects/{project}/assets", form);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// What a browser picks from the hero's srcset (sizes: 100vw up to 68rem = 1088 px): the smallest copy at least as
    /// wide as the slot times the device pixel ratio.
    /// </summary>
    private static void PrintBytes(JsonElement asset, int original)
    {
        var variants = asset.GetProperty("variants").EnumerateArray()
            .Select(v => (Width: v.GetProperty("width").GetInt32(), Format: v.GetProperty("format").GetString()!, Bytes: v.GetProperty("bytes").GetInt64()))
            .ToList();
        Console.WriteLine();
        Console.WriteLine("| viewport | slot × DPR | copy chosen | WebP bytes | JPEG bytes | WebP vs original |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (viewport, dpr) in new[] { (390, 1), (390, 3), (1280, 1), (1280, 2) })
        {
            var needed = Math.Min(viewport, 1088) * dpr;
            var width = variants.Select(v => v.Width).Distinct().Order().FirstOrDefault(w => w >= needed, variants.Max(v => v.Width));
            var webp = variants.Single(v => v.Width == width && v.Format == "webp").Bytes;
            var jpeg = variants.Single(v => v.Width == width && v.Format == "jpeg").Bytes;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {viewport} px | {needed} px | {width} w | {webp:N0} | {jpeg:N0} | {100.0 * webp / original:0.0}% |"));
        }

        Console.WriteLine();
    }
}
