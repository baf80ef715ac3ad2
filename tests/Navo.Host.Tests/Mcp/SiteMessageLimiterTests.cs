using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Navo.Host.Mcp;

namespace Navo.Host.Tests.Mcp;

/// <summary>
/// The contact form's per-address budget as the rate-limiting middleware holds it: one partition per client address,
/// which must be let go once the address stops sending, or addresses that change with every message (IPv6) fill memory.
/// </summary>
public sealed class SiteMessageLimiterTests
{
    [Fact]
    public async Task An_address_partition_is_released_once_the_address_is_idle_and_its_budget_still_counts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Navo:Sites:FormsPerMinute"] = "1" }).Build();
        using var limiter = new SiteMessageLimiter(configuration);
        var partitions = new List<WeakReference>();
        // As the middleware's site-forms policy builds it (ApiSetup.AddRateLimits).
        using var middleware = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.Get(address, a =>
        {
            var partition = limiter.For(a);
            partitions.Add(new WeakReference(partition));
            return partition;
        }));
        var clock = Stopwatch.StartNew();

        Acquired(middleware, "2001:db8::1").Should().BeTrue();
        partitions.Should().ContainSingle();

        // The middleware looks for idle partitions every tenth of a second and drops those idle for ten seconds.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (partitions[0].IsAlive && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        partitions[0].IsAlive.Should().BeFalse("an idle address's partition is let go");

        // A new partition for the address draws on the same budget: one message a minute, already sent.
        var again = Acquired(middleware, "2001:db8::1");
        partitions.Should().HaveCount(2);
        if (clock.Elapsed < TimeSpan.FromSeconds(50))
        {
            again.Should().BeFalse("the minute in which the address sent its one message has not passed");
        }
    }

    private static bool Acquired(PartitionedRateLimiter<string> limiter, string address)
    {
        using var lease = limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }
}
