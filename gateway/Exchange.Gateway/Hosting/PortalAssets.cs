using Microsoft.Extensions.FileProviders;

namespace Exchange.Gateway.Hosting;

/// <summary>
/// The web portal's built assets (<c>Gateway:Portal:Root</c>, e.g. <c>portal/dist</c>), served on
/// the gateway's ports at <c>/</c> next to the RPC paths, so that the portal calls the API on its
/// own origin. Pages are routed in the browser: a GET for a path without a file extension that is
/// no file (an invitation link, <c>/survey/&lt;token&gt;</c>) answers <c>index.html</c>, a missing
/// file 404. Assets are public; every RPC still needs its key.
/// </summary>
public static class PortalAssets
{
    public const string RootSetting = "Gateway:Portal:Root";

    /// <summary>Adds the portal in front of routing, or nothing when no root is configured.</summary>
    public static bool UsePortal(this WebApplication app)
    {
        var configured = app.Configuration[RootSetting];
        if (string.IsNullOrWhiteSpace(configured)) return false;
        var root = Path.GetFullPath(configured, app.Environment.ContentRootPath);
        if (!Directory.Exists(root))
        {
            app.Logger.LogWarning("{Setting} is {Root}, which does not exist: the portal is not served", RootSetting, root);
            return false;
        }
        var files = new PhysicalFileProvider(root);
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            {
                switch (Classify(request.Path, files))
                {
                    case PortalPath.Page:
                        request.Path = "/index.html";
                        break;
                    case PortalPath.MissingFile:
                        // A file the portal does not have is not found, rather than refused for want of a key.
                        http.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                }
            }
            await next(http);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Built assets carry a content hash in their names; index.html must be asked for again.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
        });
        return true;
    }

    private enum PortalPath { Other, Page, MissingFile }

    private static PortalPath Classify(PathString path, IFileProvider files)
    {
        var value = path.Value ?? "/";
        if (value == "/" || value == "/healthz") return PortalPath.Other;
        var segments = value.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // "/<package>.<Service>/<Method>": the API's, whatever the method.
        if (segments.Length == 2 && segments[0].Contains('.')) return PortalPath.Other;
        if (files.GetFileInfo(value).Exists) return PortalPath.Other;
        return segments.Length > 0 && segments[^1].Contains('.') ? PortalPath.MissingFile : PortalPath.Page;
    }
}
