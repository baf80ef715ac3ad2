namespace Navo.EventStore;

/// <summary>When a one-host job runs: on the leader only, every interval, and at once on a host that has just become it.</summary>
public sealed class JobTurns
{
    private readonly JobLeadership _leadership;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private int? _ranInTerm;

    internal JobTurns(JobLeadership leadership, TimeSpan interval, TimeProvider time)
    {
        _leadership = leadership;
        _interval = interval;
        _time = time;
    }

    /// <summary>
    /// Waits for the job's next turn: the first once this host leads; then each after the interval while it leads, or at
    /// once when it has become the leader again since the last (a hand-over loses no time). False when stopping.
    /// </summary>
    public async Task<bool> NextAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The signal is taken before the term is read, so a hand-over in between is seen by one or the other.
            var gained = _leadership.Gained;
            if (_ranInTerm is { } term && term == _leadership.Term)
            {
                await Task.WhenAny(Task.Delay(_interval, _time, stoppingToken), gained);
                stoppingToken.ThrowIfCancellationRequested();
            }

            await _leadership.WaitToLeadAsync(stoppingToken);
            _ranInTerm = _leadership.Term;
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
