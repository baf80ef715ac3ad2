namespace Navo.Tools.Assets;

/// <summary>
/// An image in a project's library: its id (the SHA-256 of the upload), the name it was uploaded under, its format,
/// its size after EXIF orientation, the upload's size in bytes, and the stored copies it was resized into.
/// </summary>
public sealed record ImageAsset(
    string Id, Guid ProjectId, string FileName, string Format, int Width, int Height, long Bytes,
    IReadOnlyList<StoredVariant> Variants, DateTimeOffset CreatedAt);

/// <summary>One stored copy: <c>Name</c> is <c>{width}.{webp|jpg}</c>, <c>Key</c> the file in the site storage.</summary>
public sealed record StoredVariant(string Name, string Format, int Width, int Height, long Bytes, string Key);

/// <summary>What an upload, a read or a deletion came to.</summary>
public enum AssetOutcome { Created, Existing, Ok, NotFound, Invalid, InUse }

/// <summary>The outcome, the image it concerns, and the sentence for the owner when it was refused.</summary>
public sealed record AssetResult(AssetOutcome Outcome, ImageAsset? Asset = null, string? Problem = null);
