using Exchange.Identity;
using Google.Protobuf.WellKnownTypes;
using Proto = Exchange.Gateway.V1;

namespace Exchange.Gateway.Keys;

/// <summary>Between the stored key and the admin API's messages.</summary>
public static class KeyMapper
{
    public static Proto.ApiKey ToMessage(ApiKey key, DateTimeOffset now)
    {
        var message = new Proto.ApiKey
        {
            Id = key.Id,
            OrganisationId = key.OrganisationId,
            OrganisationName = key.OrganisationName,
            Role = ToMessage(key.Role),
            Name = key.Name,
            State = key.IsRevoked ? Proto.KeyState.Revoked : key.IsExpired(now) ? Proto.KeyState.Expired : Proto.KeyState.Active,
            CreatedAt = Timestamp.FromDateTimeOffset(key.CreatedAt),
            CreatedBy = key.CreatedBy,
            ExpiresAt = Timestamp.FromDateTimeOffset(key.ExpiresAt),
            RevokedBy = key.RevokedBy ?? "",
            RevocationReason = key.RevocationReason ?? "",
        };
        if (key.RotatedAt is { } rotated) message.RotatedAt = Timestamp.FromDateTimeOffset(rotated);
        if (key.PreviousSecretValidUntil is { } until) message.PreviousSecretValidUntil = Timestamp.FromDateTimeOffset(until);
        if (key.RevokedAt is { } revoked) message.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        return message;
    }

    public static Proto.Role ToMessage(Role role) => role switch
    {
        Role.ImplementationBody => Proto.Role.ImplementationBody,
        Role.OverseasPartner => Proto.Role.OverseasPartner,
        Role.Coordinator => Proto.Role.Coordinator,
        Role.Admin => Proto.Role.Admin,
        _ => Proto.Role.Unspecified,
    };

    public static Role? FromMessage(Proto.Role role) => role switch
    {
        Proto.Role.ImplementationBody => Role.ImplementationBody,
        Proto.Role.OverseasPartner => Role.OverseasPartner,
        Proto.Role.Coordinator => Role.Coordinator,
        Proto.Role.Admin => Role.Admin,
        _ => null,
    };
}
