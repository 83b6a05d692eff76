namespace Exchange.Rpc.Tests.Client.Dapr;

/// <summary>One call as the sidecar received it.</summary>
public sealed record SidecarCall(string Path, string AppId, string Protocol, string Authorization);
