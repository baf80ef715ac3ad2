using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Navo.Host.Identity;
using Navo.Tools.Assets;

namespace Navo.Host.Apis;

/// <summary>
/// <c>/api/v1/projects/{id}/assets</c>: a project's image library. Upload (multipart, the image in the field
/// <c>file</c>), list, read, fetch a resized copy, delete. Members read; editors and owners upload and delete.
/// </summary>
public static class AssetsApi
{
    /// <summary>
    /// The largest upload request: the image's own limit (<see cref="ImageProcessor.MaxBytes"/>) and room for the
    /// multipart framing, so that a file just over the limit still gets its plain 422 rather than a bare 413.
    /// </summary>
    public const long MaxUploadRequestBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects/{id:guid}/assets").WithTags("Images").RequireAuthorization(Policies.Member);
        group.MapPost("/", UploadAsync).WithName("UploadImage").RequireAuthorization(Policies.Editor)
            // The form is read by the handler, not declared with Accepts: a declared content type would answer 415
            // before authorization, where viewers and other workspaces must get their 403 and 404.
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadRequestBytes))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).WithName("ListImages");
        group.MapGet("/{assetId}", GetAsync).WithName("GetImage");
        group.MapGet("/{assetId}/{file}", FileAsync).WithName("GetImageFile");
        group.MapDelete("/{assetId}", DeleteAsync).WithName("DeleteImage").RequireAuthorization(Policies.Editor);
        return app;
    }

    /// <summary>An image of the library and its copies, each with the address to fetch it from.</summary>
    public sealed record AssetResponse(string Id, string FileName, string Format, int Width, int Height, long Bytes, DateTimeOffset CreatedAt, IReadOnlyList<VariantResponse> Variants)
    {
        public static AssetResponse From(ImageAsset asset) =>
            new(asset.Id, asset.FileName, asset.Format, asset.Width, asset.Height, asset.Bytes, asset.CreatedAt,
                [.. asset.Variants.Select(v => new VariantResponse(v.Name, v.Format, v.Width, v.Height, v.Bytes, $"/api/v1/projects/{asset.ProjectId}/assets/{asset.Id}/{v.Name}"))]);
    }

    public sealed record VariantResponse(string Name, string Format, int Width, int Height, long Bytes, string Url);

    public static async Task<Results<Created<AssetResponse>, Ok<AssetResponse>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpContext http, [AsParameters] ProjectsApi.ProjectServices services, AssetLibrary library, CancellationToken cancellationToken)
    {
        // Another workspace's project answers 404 whatever was sent, as every project route does.
        if (await services.Projects.GetAsync(services.Tenant, id, cancellationToken) is null)
        {
            return ProjectNotFound();
        }

        if (!http.Request.HasFormContentType)
        {
            return Refused(StatusCodes.Status400BadRequest, "Send the image as multipart/form-data, in the field 'file'.");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file)
        {
            return Refused(StatusCodes.Status400BadRequest, "Send the image as multipart/form-data, in the field 'file'.");
        }

        if (file.Length > ImageProcessor.MaxBytes)
        {
            // Refused unread: the size alone says no.
            return Refused(StatusCodes.Status422UnprocessableEntity,
                $"The file is {file.Length / (1024.0 * 1024):0.#} MB; images can be at most {ImageProcessor.MaxBytes / (1024 * 1024)} MB.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var result = await library.UploadAsync(services.Tenant, id, bytes, file.FileName, file.ContentType, cancellationToken);
        return result.Outcome switch
        {
            AssetOutcome.Created => TypedResults.Created($"/api/v1/projects/{id}/assets/{result.Asset!.Id}", AssetResponse.From(result.Asset)),
            AssetOutcome.Existing => TypedResults.Ok(AssetResponse.From(result.Asset!)),
            AssetOutcome.NotFound => ProjectNotFound(),
            _ => Refused(StatusCodes.Status422UnprocessableEntity, result.Problem!),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<AssetResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, [AsParameters] ProjectsApi.ProjectServices services, AssetLibrary library, CancellationToken cancellationToken) =>
        await library.ListAsync(services.Tenant, id, cancellationToken) is { } assets
            ? TypedResults.Ok<IReadOnlyList<AssetResponse>>([.. assets.Select(AssetResponse.From)])
            : ProjectNotFound();

    public static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> GetAsync(
        Guid id, string assetId, [AsParameters] ProjectsApi.ProjectServices services, AssetLibrary library, CancellationToken cancellationToken) =>
        await library.GetAsync(services.Tenant, id, assetId, cancellationToken) is { } asset ? TypedResults.Ok(AssetResponse.From(asset)) : ImageNotFound();

    /// <summary>
    /// One resized copy (<c>640.webp</c>, <c>1280.jpg</c>): what previews show. The address names the image's hash, so
    /// its bytes never change; only this browser may keep them, since they are the workspace's.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(
        Guid id, string assetId, string file, [AsParameters] ProjectsApi.ProjectServices services, AssetLibrary library, CancellationToken cancellationToken)
    {
        if (await library.ReadAsync(services.Tenant, id, assetId, file, cancellationToken) is not var (bytes, format))
        {
            return ImageNotFound();
        }

        services.HttpContext.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.File(bytes, format == "webp" ? "image/webp" : "image/jpeg");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, string assetId, [AsParameters] ProjectsApi.ProjectServices services, AssetLibrary library, CancellationToken cancellationToken)
    {
        var result = await library.DeleteAsync(services.Tenant, id, assetId, cancellationToken);
        return result.Outcome switch
        {
            AssetOutcome.Ok => TypedResults.NoContent(),
            AssetOutcome.InUse => Refused(StatusCodes.Status409Conflict, result.Problem!),
            _ => ImageNotFound(),
        };
    }

    private static ProblemHttpResult Refused(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: "The image was not stored.", detail: detail);

    private static ProblemHttpResult ProjectNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found.", detail: "There is no project with that id in this workspace.");

    private static ProblemHttpResult ImageNotFound() =>
        // Another workspace's image answers exactly like one that does not exist.
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Image not found.", detail: "This project has no such image.");
}
