using System.Threading.RateLimiting;

namespace Navo.Host.Mcp;

/// <summary>
/// One budget per client address for the messages a live site takes, however they come: its contact form
/// (<c>Navo:Sites:FormsPerMinute</c>, through the rate-limiting middleware's <c>site-forms</c> policy, which draws on
/// this limiter) and the <c>send_message</c> tool of its MCP endpoint, which draws on it directly. An assistant cannot
/// send more than a visitor's browser can.
/// </summary>
public sealed class SiteMessageLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SiteMessageLimiter(IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Navo:Sites:FormsPerMinute", 10);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
    }

    /// <summary>The client address a limit is counted by.</summary>
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Takes one message from <paramref name="address"/>'s budget; the lease says whether there was one.</summary>
    public RateLimitLease Acquire(string address) => _limiter.AttemptAcquire(address);

    /// <summary>The same budget as a limiter of one address, for the middleware's policy.</summary>
    public RateLimiter For(string address) => new AddressLimiter(_limiter, address);

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// Forwards to the shared limiter, and holds nothing of its own: the budget is the shared limiter's, whose windows
    /// expire and whose idle partitions it drops itself. So this one is idle from its last use, and the middleware drops
    /// it (it drops a partition idle for ten seconds) — otherwise every address that ever sent a message would stay in
    /// memory for good. An address that comes back gets a new one drawing on the same budget.
    /// </summary>
    private sealed class AddressLimiter(PartitionedRateLimiter<string> shared, string address) : RateLimiter
    {
        private long _lastUsed = Environment.TickCount64;

        public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => shared.GetStatistics(address);

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            return shared.AttemptAcquire(address, permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            return shared.AcquireAsync(address, permitCount, cancellationToken);
        }
    }
}
