namespace Exchange.Claims.Model;

/// <summary>What can be done to a claim; the lifecycle rule says from which states.</summary>
public enum ClaimAction
{
    Save,
    Submit,
    StartReview,
    Return,
    Approve,
    Reject,
    Pay,
}
