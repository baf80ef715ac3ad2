using Navo.Agent.Local;

namespace Navo.Agent.Tests.Local;

public sealed class IntentModelTests
{
    private static readonly string Prompts = Path.Combine(AppContext.BaseDirectory, "prompts");

    [Fact]
    public void The_shipped_model_was_trained_on_the_phrasings_as_they_are_now()
    {
        // When this fails, renew the model: dotnet run --project src/Navo.Host -c Release -- train
        var shipped = File.ReadAllText(IntentModel.FingerprintPath(Prompts)).Trim();

        shipped.Should().Be(IntentModel.Fingerprint(Prompts, Lexicon.Load(Prompts)));
    }

    [Fact]
    public void Every_intent_has_at_least_sixty_phrasings_and_there_are_at_least_two_thousand()
    {
        var training = TrainingSet.Read(Path.Combine(Prompts, "local", "intents"));
        var byIntent = training.Examples.GroupBy(e => e.Intent).ToDictionary(g => g.Key, g => g.Count());

        byIntent.Values.Sum().Should().BeGreaterThanOrEqualTo(2000);
        byIntent.Where(i => i.Value < 60).Should().BeEmpty();
    }

    [Fact]
    public void The_same_message_always_gives_the_same_plan()
    {
        var first = LocalPlanner.FromPrompts().Plan("remove the pricing and add an FAQ", PlanContext.Sample).ToJson().ToJsonString();

        for (var i = 0; i < 3; i++)
        {
            LocalPlanner.FromPrompts().Plan("remove the pricing and add an FAQ", PlanContext.Sample).ToJson().ToJsonString().Should().Be(first);
        }
    }
}
