using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Sites;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Harbour Light Café", "harbour-light-cafe")]
    [InlineData("harbour light café", "harbour-light-cafe")]
    [InlineData("Harbour Light Cafe\u0301", "harbour-light-cafe")]
    [InlineData("Dún Laoghaire Bakes", "dun-laoghaire-bakes")]
    [InlineData("Crumbs & Co.", "crumbs-co")]
    [InlineData("Tŷ Cerdd", "ty-cerdd")]
    [InlineData("Cupcake Queen 👑", "cupcake-queen")]
    public void An_address_keeps_accented_letters_as_their_plain_letters(string name, string slug) =>
        Slugs.From(name).Should().Be(slug);
}

public sealed class KindWordsTests
{
    [Theory]
    [InlineData("a little cafe by the harbour")]
    [InlineData("a little café by the harbour")]
    [InlineData("A LITTLE CAFÉ")]
    public void A_kind_is_named_with_or_without_its_accents(string words) =>
        Navo.Tools.Generate.Kinds.SharesWords(Navo.Tools.Generate.Kinds.Find("cafe")!, words).Should().BeTrue();
}
