using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Cli.Output;
using Exchange.Missions.V1;
using Exchange.Rpc;

namespace Exchange.Cli.Tests.Unit;

public sealed class NamesTests
{
    [Theory]
    [InlineData("overseas-mission")]
    [InlineData("OVERSEAS_MISSION")]
    [InlineData("SUPPORT_TOOL_OVERSEAS_MISSION")]
    [InlineData("OverseasMission")]
    public void Enum_values_are_read_as_people_and_the_api_write_them(string text) =>
        Assert.Equal(SupportTool.OverseasMission, EnumText.Parse<SupportTool>(text, "--tool"));

    [Fact]
    public void Unspecified_and_unknown_values_are_refused_with_the_choices()
    {
        Assert.False(EnumText.TryParse<SupportTool>("unspecified", out _));
        var failure = Assert.Throws<CliFailure>(() => EnumText.Parse<SupportTool>("boat-trip", "--tool"));
        Assert.Contains("workshop-in-japan, basic-survey-overseas, survey-with-business-trip, expert-invitation, overseas-mission, partner-invitation", failure.Message);
    }

    [Theory]
    [InlineData("RegionToRegion", "region-to-region")]
    [InlineData("It", "it")]
    [InlineData("Band33To50", "band-33-to-50")]
    public void Names_are_shown_in_kebab_case(string pascal, string kebab) => Assert.Equal(kebab, Display.Kebab(pascal));

    [Theory]
    [InlineData(StatusCode.InvalidArgument, ExitCodes.InvalidInput)]
    [InlineData(StatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(StatusCode.FailedPrecondition, ExitCodes.Refused)]
    [InlineData(StatusCode.Aborted, ExitCodes.Refused)]
    [InlineData(StatusCode.Unauthenticated, ExitCodes.Access)]
    [InlineData(StatusCode.PermissionDenied, ExitCodes.Access)]
    [InlineData(StatusCode.Unavailable, ExitCodes.Unavailable)]
    [InlineData(StatusCode.Internal, ExitCodes.Failure)]
    public void Each_kind_of_status_has_its_exit_code(StatusCode code, int exitCode) => Assert.Equal(exitCode, ExitCodes.For(code));
}
