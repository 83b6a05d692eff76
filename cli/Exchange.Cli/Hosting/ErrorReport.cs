using System.Text.Json;
using System.Text.Json.Nodes;
using Exchange.Rpc;
using Google.Rpc;

namespace Exchange.Cli.Hosting;

/// <summary>
/// How a failed command tells the user why: the gRPC status, then every field violation and every
/// broken rule from the error's details, each on its own line, and a hint where one helps. With
/// <c>--json</c>, the same as one JSON object on standard error.
/// </summary>
public static class ErrorReport
{
    public static int Write(RpcException error, TextWriter writer, bool json, string gateway)
    {
        var exitCode = ExitCodes.For(error.StatusCode);
        var badRequest = error.Detail<BadRequest>();
        var precondition = error.Detail<PreconditionFailure>();
        var hint = Hint(error.StatusCode, gateway);
        if (json)
        {
            var report = new JsonObject
            {
                ["code"] = StatusNames.Connect(error.StatusCode),
                ["message"] = error.Status.Detail,
                ["exitCode"] = exitCode,
            };
            if (badRequest is not null)
                report["fieldViolations"] = new JsonArray([.. badRequest.FieldViolations.Select(v => (JsonNode)new JsonObject { ["field"] = v.Field, ["description"] = v.Description })]);
            if (precondition is not null)
                report["ruleViolations"] = new JsonArray([.. precondition.Violations.Select(v => (JsonNode)new JsonObject { ["rule"] = v.Subject, ["description"] = v.Description })]);
            if (hint is not null) report["hint"] = hint;
            writer.WriteLine(new JsonObject { ["error"] = report }.ToJsonString(Compact));
            return exitCode;
        }

        var lines = new List<string>();
        if (badRequest is not null) lines.AddRange(badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"));
        if (precondition is not null) lines.AddRange(precondition.Violations.Select(v => $"{v.Subject}: {v.Description}"));
        var message = lines.Count > 0 ? Headline(error.StatusCode, lines.Count) : error.Status.Detail;
        writer.WriteLine($"error: {StatusNames.Grpc(error.StatusCode)}: {message}");
        foreach (var line in lines) writer.WriteLine($"  - {line}");
        if (hint is not null) writer.WriteLine($"  {hint}");
        return exitCode;
    }

    public static int Write(CliFailure failure, TextWriter writer, bool json)
    {
        if (json)
        {
            var report = new JsonObject { ["code"] = failure.ExitCode switch { ExitCodes.Usage => "usage", ExitCodes.Access => "unauthenticated", ExitCodes.Cancelled => "canceled", _ => "failed" }, ["message"] = failure.Message, ["exitCode"] = failure.ExitCode };
            if (failure.Details.Count > 0) report["details"] = new JsonArray([.. failure.Details.Select(d => (JsonNode)JsonValue.Create(d))]);
            writer.WriteLine(new JsonObject { ["error"] = report }.ToJsonString(Compact));
        }
        else
        {
            writer.WriteLine($"error: {failure.Message}");
            foreach (var line in failure.Details) writer.WriteLine($"  - {line}");
        }
        return failure.ExitCode;
    }

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Headline(StatusCode code, int count) => code switch
    {
        StatusCode.InvalidArgument => count == 1 ? "the service refused a field" : $"the service refused {count} fields",
        StatusCode.FailedPrecondition => count == 1 ? "a rule does not hold" : $"{count} rules do not hold",
        _ => $"{count} problems",
    };

    private static string? Hint(StatusCode code, string gateway) => code switch
    {
        StatusCode.Unauthenticated => "check the API key: --key, EXCHANGE_API_KEY, or 'exchange login --key <key>'",
        StatusCode.PermissionDenied => "the key's role may not do this; ask a coordinator or an admin",
        StatusCode.Unavailable => $"is the gateway running at {gateway}? (--gateway or EXCHANGE_GATEWAY)",
        _ => null,
    };
}
