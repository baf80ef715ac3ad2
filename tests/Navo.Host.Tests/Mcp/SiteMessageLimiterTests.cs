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
    public async Task An_address_partition_is_released_once_the_address_is_idle()
    {
        using var limiter = new SiteMessageLimiter(OneAMinute());
        var partitions = new List<WeakReference>();
        // As the middleware's site-forms policy builds it (ApiSetup.AddRateLimits).
        using var middleware = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.Get(address, a =>
        {
            var partition = limiter.For(a);
            partitions.Add(new WeakReference(partition));
            return partition;
        }));

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
    }

    [Fact]
    public void A_new_partition_for_an_address_draws_on_the_budget_it_already_spent()
    {
        using var limiter = new SiteMessageLimiter(OneAMinute());

        // The partition the middleware made first, and the one it makes after letting that go: one budget between them.
        Acquired(limiter.For("2001:db8::1")).Should().BeTrue();
        Acquired(limiter.For("2001:db8::1")).Should().BeFalse("the address sent its one message of the minute through the first partition");
        Acquired(limiter.For("2001:db8::2")).Should().BeTrue("another address has a budget of its own");
    }

    private static IConfiguration OneAMinute() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Navo:Sites:FormsPerMinute"] = "1" }).Build();

    private static bool Acquired(RateLimiter limiter)
    {
        using var lease = limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    private static bool Acquired(PartitionedRateLimiter<string> limiter, string address)
    {
        using var lease = limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }
}
