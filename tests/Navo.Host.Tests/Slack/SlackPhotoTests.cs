using System.Text.Json.Nodes;
using Navo.Testing;

namespace Navo.Host.Tests.Slack;

/// <summary>Sharing photos in a Slack thread: the thread, the file as Slack describes it, a drafted site to put it on.</summary>
public abstract class SlackPhotoTestBase(SlackHostFactory factory)
{
    private const string Owner = FakeSlackApi.InstallingUser;

    protected SlackHostFactory Factory => factory;

    protected FakeSlackApi Slack => factory.Slack;

    protected static string Blocks(JsonObject message) => message["blocks"]?.ToJsonString() ?? string.Empty;

    /// <summary>A <c>file_share</c> message in the owner's direct-message thread, as Slack sends it.</summary>
    protected static JsonObject FileShare(string text, string ts, string root, JsonObject file)
    {
        var e = SlackHostFactory.DirectMessage(Owner, text, ts, root);
        e["subtype"] = "file_share";
        e["files"] = new JsonArray { file };
        return e;
    }

    protected static JsonObject File(string name, string mimetype, long size, string url) => new()
    {
        ["id"] = "F0" + name.GetHashCode(StringComparison.Ordinal).ToString("X", System.Globalization.CultureInfo.InvariantCulture),
        ["name"] = name, ["mimetype"] = mimetype, ["filetype"] = "jpg", ["size"] = size, ["url_private"] = url, ["url_private_download"] = url,
    };

    protected async Task<string> DraftAsync(string root, string eventId)
    {
        await Factory.InstallAsync();
        await Factory.EventAsync(eventId, SlackHostFactory.DirectMessage(Owner, "build a site for a bakery called Crumb in Bristol", root));
        var drafted = await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == root && Blocks(m).Contains("/preview/shared/"));
        return drafted["ts"]!.GetValue<string>();
    }
}

/// <summary>A photo shared in a Slack thread goes into the site's image library and onto the site, as a studio upload would.</summary>
public sealed class SlackPhotoTests(SlackHostFactory factory) : SlackPhotoTestBase(factory), IClassFixture<SlackHostFactory>
{
    [Fact]
    public async Task A_photo_shared_with_use_this_as_the_main_photo_is_downloaded_with_the_bot_token_stored_and_placed_on_the_site()
    {
        const string root = "1700000070.000100";
        await DraftAsync(root, "EvF1");
        var photo = TestImages.Photo(1600, 1000);
        Slack.Files["shop.jpg"] = (photo, "image/jpeg");

        await Factory.EventAsync("EvF2", FileShare("use this as the main photo, it shows our shop front", "1700000070.000200", root,
            File("shop.jpg", "image/jpeg", photo.Length, Slack.FileUrl("shop.jpg"))));
        var reply = await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == root && Blocks(m).Contains("What changed")
            && m["ts"]!.GetValue<string>() != Slack.Thread(root)[0]["ts"]!.GetValue<string>());

        Slack.CallsTo("files/shop.jpg").Should().ContainSingle().Which.Token.Should().Be(FakeSlackApi.BotToken);
        var asset = (await Factory.CountAsync("select count(*) from navo_assets where file_name = 'shop.jpg'"));
        asset.Should().Be(1, "the photo is in the project's library, as a studio upload would be");

        // The preview the reply links to shows the photo.
        var preview = reply["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).Select(e => e!["url"]?.GetValue<string>()).Single(u => u is not null)!;
        var page = await (await Factory.CreateClient().GetAsync(new Uri(preview).PathAndQuery)).Content.ReadAsStringAsync();
        await using var connection = await Factory.Database.DataSource.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("select id from navo_assets where file_name = 'shop.jpg'", connection);
        var id = (string)(await command.ExecuteScalarAsync())!;
        page.Should().Contain($"/assets/{id}/").And.Contain("alt=\"Our shop front\"", "the words with the photo say what it shows");
    }
}

/// <summary>Files Navo must not fetch or keep, refused in every environment.</summary>
public abstract class SlackPhotoRefusalTests(SlackHostFactory factory) : SlackPhotoTestBase(factory)
{
    [Fact]
    public async Task A_file_from_another_host_or_not_an_image_is_refused_unfetched_and_the_person_told()
    {
        const string root = "1700000071.000100";
        await DraftAsync(root, "EvF3");
        var assets = await Factory.CountAsync("select count(*) from navo_assets");

        await Factory.EventAsync("EvF4", FileShare("use this as the main photo", "1700000071.000200", root,
            File("evil.jpg", "image/jpeg", 1000, "https://files.evil.example/evil.jpg")));
        await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == root && m["text"]!.GetValue<string>().StartsWith("I couldn't fetch that photo", StringComparison.Ordinal));

        Slack.Files["notes.pdf"] = ("%PDF-1.4"u8.ToArray(), "application/pdf");
        await Factory.EventAsync("EvF5", FileShare("use this", "1700000071.000300", root, File("notes.pdf", "application/pdf", 8, Slack.FileUrl("notes.pdf"))));
        await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == root && m["text"]!.GetValue<string>().StartsWith("That file isn't a photo", StringComparison.Ordinal));

        await Factory.EventAsync("EvF7", FileShare("use this", "1700000071.000350", root, File("huge.jpg", "image/jpeg", 16L * 1024 * 1024, Slack.FileUrl("huge.jpg"))));
        await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == root && m["text"]!.GetValue<string>().StartsWith("That photo is 16 MB", StringComparison.Ordinal));

        // Said to be an image, but not one: fetched, then refused by the library's own checks.
        Slack.Files["fake.jpg"] = ("not an image at all"u8.ToArray(), "image/jpeg");
        await Factory.EventAsync("EvF6", FileShare("use this", "1700000071.000400", root, File("fake.jpg", "image/jpeg", 19, Slack.FileUrl("fake.jpg"))));
        await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == root && m["ts"]!.GetValue<string>() != Slack.Thread(root)[0]["ts"]!.GetValue<string>()
            && Slack.Thread(root).Count >= 5);

        Slack.Calls.Should().NotContain(c => c.Method == "files/evil.jpg" || c.Method == "files/notes.pdf" || c.Method == "files/huge.jpg");
        Slack.CallsTo("files/fake.jpg").Should().ContainSingle();
        (await Factory.CountAsync("select count(*) from navo_assets")).Should().Be(assets, "nothing refused is stored");
    }
}

public sealed class SlackPhotoRefusalInTestingTests(SlackHostFactory factory) : SlackPhotoRefusalTests(factory), IClassFixture<SlackHostFactory>;

public sealed class SlackPhotoRefusalInDevelopmentTests(DevelopmentSlackHostFactory factory) : SlackPhotoRefusalTests(factory), IClassFixture<DevelopmentSlackHostFactory>;

public sealed class SlackPhotoRefusalInProductionTests(ProductionSlackHostFactory factory) : SlackPhotoRefusalTests(factory), IClassFixture<ProductionSlackHostFactory>;
