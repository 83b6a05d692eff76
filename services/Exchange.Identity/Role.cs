namespace Exchange.Identity;

/// <summary>What a caller is to the programme; decides which projects it may read and change.</summary>
public enum Role
{
    /// <summary>Staff of a domestic implementation body: log and change their own projects.</summary>
    ImplementationBody,

    /// <summary>An overseas implementation body: reads its joint projects and records achievements on them.</summary>
    OverseasPartner,

    /// <summary>Programme coordinators: see every project, adopt projects, maintain the rulebook.</summary>
    Coordinator,

    /// <summary>Platform operators: everything a coordinator may do.</summary>
    Admin,
}
