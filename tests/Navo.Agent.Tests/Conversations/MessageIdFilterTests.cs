using System.Text.Json;
using Navo.Agent.Conversations;
using Navo.EventStore;

namespace Navo.Agent.Tests.Conversations;

public sealed class MessageIdFilterTests
{
    [Fact]
    public void Every_answered_id_may_be_contained_and_few_new_ids_are_taken_for_answered_ones_after_six_hundred_turns()
    {
        var filter = MessageIdFilter.Empty;
        var answered = Enumerable.Range(0, 600).Select(i => $"client-{i}").ToList();
        foreach (var id in answered)
        {
            filter = filter.With(id);
        }

        answered.Should().OnlyContain(id => filter.MayContain(id), "a retried message is never taken for a new one");
        // About one in 2,900 is expected; a new id taken for an answered one costs a fold of the history, no wrong reply.
        Enumerable.Range(0, 10_000).Count(i => filter.MayContain($"new-{i}")).Should().BeLessThan(20);
        MessageIdFilter.Empty.MayContain(answered[0]).Should().BeFalse("adding makes a new filter and leaves the empty one empty");
    }

    [Fact]
    public void A_stored_filter_reads_back_with_the_same_ids()
    {
        var filter = MessageIdFilter.Empty.With("slack-1712345678.000100").With("teams-42");

        var json = JsonSerializer.Serialize(filter, new EventStoreOptions().Json);
        var read = JsonSerializer.Deserialize<MessageIdFilter>(json, new EventStoreOptions().Json)!;

        read.MayContain("slack-1712345678.000100").Should().BeTrue();
        read.MayContain("teams-42").Should().BeTrue();
        read.Bits.Should().Equal(filter.Bits);
        json.Length.Should().BeLessThan(2_800, "2 KiB of bits, as base64");
    }
}
