using Exchange.Rpc;

namespace Exchange.Cli.Hosting;

/// <summary>
/// Exit codes by kind of failure, so that scripts can tell "fix your input" from "try again later".
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Anything unexpected: UNKNOWN, INTERNAL, a failure of the client itself.</summary>
    public const int Failure = 1;
    /// <summary>The command line or an input file is wrong; nothing was sent.</summary>
    public const int Usage = 2;
    /// <summary>INVALID_ARGUMENT: the service named the fields it refused.</summary>
    public const int InvalidInput = 3;
    /// <summary>NOT_FOUND: no such thing, or none the key may see.</summary>
    public const int NotFound = 4;
    /// <summary>FAILED_PRECONDITION, ABORTED, ALREADY_EXISTS, OUT_OF_RANGE: a rule or the current state forbids it.</summary>
    public const int Refused = 5;
    /// <summary>UNAUTHENTICATED, PERMISSION_DENIED: no key, a wrong key, or a key whose role may not do this.</summary>
    public const int Access = 6;
    /// <summary>UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED: the platform cannot answer now; retry later.</summary>
    public const int Unavailable = 7;
    /// <summary>Stopped with Ctrl+C.</summary>
    public const int Cancelled = 130;

    public static int For(StatusCode code) => code switch
    {
        StatusCode.OK => Ok,
        StatusCode.InvalidArgument => InvalidInput,
        StatusCode.NotFound => NotFound,
        StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.AlreadyExists or StatusCode.OutOfRange => Refused,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => Access,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted => Unavailable,
        StatusCode.Cancelled => Cancelled,
        _ => Failure,
    };
}
