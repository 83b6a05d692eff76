using System.Text;
using Exchange.Gateway.Routing;
using Exchange.Rpc;
using Exchange.Rpc.Protocol;

namespace Exchange.Gateway.ApiDocs;

/// <summary>The part of the API document before the services: how to call, authenticate, and read errors.</summary>
internal static class ApiIntroduction
{
    public static void Write(StringBuilder doc, RpcCatalog catalog)
    {
        doc.Append("""
            # Exchange API

            <!-- Generated from the proto descriptors by `dotnet Exchange.Gateway.dll --generate-api-docs docs/api.md`.
                 Do not edit: a test fails when this file differs from what the generator writes. -->

            Partners and staff reach the Exchange platform through its gateway, with their own gRPC
            clients or with plain HTTP and JSON. Every RPC below answers both.

            ## Calling the API

            | | gRPC | Connect (JSON over HTTP) |
            |---|---|---|
            | address (development) | `127.0.0.1:8081`, HTTP/2 without TLS (h2c) | `http://127.0.0.1:8080` |
            | address (deployment) | the same ports with TLS | `https://...:8080` |
            | call | `/<package>.<Service>/<Method>`, `content-type: application/grpc` | `POST /<package>.<Service>/<Method>`, `content-type: application/json`, the request as JSON |
            | deadline | `grpc-timeout` | `connect-timeout-ms` |
            | outcome | `grpc-status` and `grpc-message` | HTTP 200 and the response as JSON, or an error `{"code":"not_found","message":"..."}` |

            **API keys.** Every call carries the caller's API key in the `x-api-key` header (or
            `authorization: ApiKey <key>`). A key belongs to one organisation acting in one role
            (implementation body, overseas partner, coordinator, admin); admins and coordinators issue
            them with `exchange.gateway.v1.ApiKeys`. Keys look like `exk_<id>_<secret>`; the gateway
            shows a key once and keeps only its hash. Calls without a valid key answer `UNAUTHENTICATED`
            (HTTP 401), saying whether the key is missing, unknown, expired, revoked or replaced by a rotation.
            Any key may ask who it speaks for (organisation, role, expiry) with
            `exchange.gateway.v1.Session/GetCaller`.

            **What a caller sees.** An overseas partner sees its own joint projects and everything under
            them; an implementation body the same for its projects; coordinators everything. Anything
            else answers `NOT_FOUND`, as if it did not exist; a visible thing the caller may not change
            answers `PERMISSION_DENIED`, naming the rule.

            **Limits.** Each key has a rate limit: beyond it calls answer `RESOURCE_EXHAUSTED`
            (HTTP 429) with `retry-after` (seconds) and `grpc-retry-pushback-ms`. Requests are at most
            4 MiB (`RESOURCE_EXHAUSTED`, HTTP 413 above). Unary calls end after 30 seconds at the latest
            (`DEADLINE_EXCEEDED`). A service that is down answers `UNAVAILABLE` (HTTP 503): retry later.

            **Correlation.** Send `x-correlation-id` to follow a call through the platform's logs; the
            gateway makes one when it is missing and returns it with every response.

            **Health.** `GET http://127.0.0.1:8080/healthz` (no key) reports every service and the broker.


            """.Replace("\r\n", "\n"));
        WriteErrors(doc);
        doc.Append("""
            ## grpc-js

            The examples use `@grpc/grpc-js` and `@grpc/proto-loader`, with the repository's `protos/`
            folder, and this metadata on every call:

            ```js
            const grpc = require('@grpc/grpc-js');
            const protoLoader = require('@grpc/proto-loader');
            const metadata = new grpc.Metadata();
            metadata.set('x-api-key', process.env.EXCHANGE_API_KEY);
            ```

            proto-loader's defaults apply: fields in lowerCamelCase, enums by name, 64-bit integers
            as strings, timestamps as `{ seconds, nanos }`.


            """.Replace("\r\n", "\n"));
        WriteIndex(doc, catalog);
    }

    private static void WriteErrors(StringBuilder doc)
    {
        doc.Append("## Status codes\n\n| code | gRPC `grpc-status` | Connect `code` | HTTP |\n|---|---:|---|---:|\n");
        foreach (var code in Enum.GetValues<StatusCode>().Where(c => c != StatusCode.OK))
            doc.Append($"| {code} | {(int)code} | `{ConnectProtocol.CodeName(code)}` | {ConnectProtocol.HttpStatus(code)} |\n");
        doc.Append("\nThe gateway itself answers 413 for a request that is too large.\n\n");
    }

    private static void WriteIndex(StringBuilder doc, RpcCatalog catalog)
    {
        doc.Append("## Services\n\n| service | RPCs |\n|---|---|\n");
        foreach (var service in catalog.Services)
        {
            var anchor = service.FullName.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
            doc.Append($"| [`{service.FullName}`](#{anchor}) | {string.Join(", ", service.Methods.Select(m => m.Name))} |\n");
        }
        doc.Append('\n');
    }
}
