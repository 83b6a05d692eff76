using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Exchange.Rpc.Server;

/// <summary>
/// Keeps the unknown-method endpoint (<c>/{service}/{method}</c>) off the routes of served
/// methods while the routing tree is built. Without it, every call to a real method also matches
/// the fallback, and routing captures its route values and chooses between the two on every call.
/// Requests it still meets (unknown services and methods) all pass.
/// </summary>
internal sealed class UnservedMethodConstraint(UnknownMethodFallbackMarker marker) : IRouteConstraint, IParameterLiteralNodeMatchingPolicy
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) => true;

    // The tree has a literal segment here only because an endpoint was mapped at that path; when
    // it names one of our methods, that endpoint is the method's own, which outranks the fallback.
    public bool MatchesLiteral(string parameterName, string literal) => !marker.ServedMethodNames.Contains(literal);
}
