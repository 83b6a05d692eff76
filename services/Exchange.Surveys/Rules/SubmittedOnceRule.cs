using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using Invitation = Exchange.Surveys.Model.Invitation;

namespace Exchange.Surveys.Rules;

/// <summary>A response is submitted once per invitation token; only the same submission may be repeated.</summary>
public sealed class SubmittedOnceRule(Invitation invitation, string what) : BusinessRule
{
    public override string Name => "submitted-once";

    public override bool IsBroken() => invitation.Status == InvitationStatus.Submitted;

    public override string Explain() => $"the response of invitation {invitation.Id} was submitted at {invitation.SubmittedAt:yyyy-MM-ddTHH:mm:ssZ}; {what}";
}
