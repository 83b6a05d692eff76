using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Contracts.Claims;
using Exchange.Messaging.Persistence;
using Exchange.Rpc;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>Coordinator contracts: two per project and year at most, invoiced monthly, reconciled, renewed with the project.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class ContractTests(ClaimsFixture fixture)
{
    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_project_retains_one_japan_and_one_overseas_coordinator_and_no_third(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject();

        var signing = Contract(project.Id, CoordinatorSide.Japan, "Keiko Tanaka");
        var japan = await client.CreateContract(signing, Caller.Coordinator);
        Assert.Equal(japan.Id, (await client.CreateContract(signing, Caller.Coordinator)).Id);
        Assert.Equal((ContractStatus.Active, "1200000", "300000", 2007, 4, 2008, 3),
            (japan.Status, japan.CommissionFee.Amount, japan.TravelBudget.Amount, japan.FirstMonth.Year, japan.FirstMonth.Month_, japan.LastMonth.Year, japan.LastMonth.Month_));
        await deployment.Claims.Refused(project.Id, StatusCode.FailedPrecondition, "one-japan-one-overseas",
            () => client.CreateContract(Contract(project.Id, CoordinatorSide.Japan, "Hiroshi Sato"), Caller.Coordinator));

        await client.CreateContract(Contract(project.Id, CoordinatorSide.Overseas, "Stefan Vogel"), Caller.Coordinator);
        var third = await deployment.Claims.Refused(project.Id, StatusCode.FailedPrecondition, "max-two-coordinators",
            () => client.CreateContract(Contract(project.Id, CoordinatorSide.Overseas, "Claire Martin"), Caller.Coordinator));
        Assert.Contains("Keiko Tanaka, Stefan Vogel", third.Status.Detail, StringComparison.Ordinal);
        await deployment.Claims.Refused(project.Id, StatusCode.FailedPrecondition, "project-supported-in-fiscal-year",
            () => client.CreateContract(Contract(project.Id, CoordinatorSide.Japan, "Keiko Tanaka", year: 2009), Caller.Coordinator));
        await deployment.Claims.Refused(project.Id, StatusCode.PermissionDenied, "coordinator-contracts",
            () => client.CreateContract(Contract(project.Id, CoordinatorSide.Japan, "Keiko Tanaka"), HamamatsuBody));

        var listed = await client.Contracts(project.Id, 2007, JenaPartner);
        Assert.Equal([("Keiko Tanaka", CoordinatorSide.Japan), ("Stefan Vogel", CoordinatorSide.Overseas)], listed.Contracts.Select(c => (c.Coordinator.Name, c.Side)));
        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<CoordinatorContractSigned>().Count() == 2);
        Assert.Equal(["Japan", "Overseas"], events.OfType<CoordinatorContractSigned>().Select(s => s.Side));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_contract_year_is_reconciled_with_over_billing_and_a_missing_month(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var claims = deployment.Claims;
        var project = await deployment.ActiveProject();
        var japan = await client.CreateContract(Contract(project.Id, CoordinatorSide.Japan, "Keiko Tanaka"), Caller.Coordinator);
        var overseas = await client.CreateContract(Contract(project.Id, CoordinatorSide.Overseas, "Stefan Vogel", commission: 960_000, travel: 200_000), Caller.Coordinator);

        await client.RecordInvoice(Invoice(japan.Id, 4, "100000", "20000", "JPY"), HamamatsuBody);
        await client.RecordInvoice(Invoice(japan.Id, 6, "100000", "250000", "JPY"), HamamatsuBody);
        await client.RecordInvoice(Invoice(japan.Id, 7, "100000", "50000", "JPY"), Caller.Coordinator);
        var euros = await client.RecordInvoice(Invoice(overseas.Id, 4, "500.00", "100.00", "EUR"), HamamatsuBody);
        Assert.Equal(("160.12", "80060", "16012", "96072"), (euros.Invoices[0].RateToJpy, euros.Invoices[0].CommissionJpy.Amount, euros.Invoices[0].TravelJpy.Amount, euros.Invoices[0].TotalJpy.Amount));

        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "one-invoice-per-month", () => client.RecordInvoice(Invoice(japan.Id, 4, "1", "1", "JPY"), HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "invoice-month-within-contract", () => client.RecordInvoice(Invoice(japan.Id, 4, "1", "1", "JPY", year: 2008), HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "exchange-rate-at-value-date", () => client.RecordInvoice(Invoice(overseas.Id, 5, "1.00", "1.00", "GBP"), HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "project-change", () => client.RecordInvoice(Invoice(overseas.Id, 5, "1.00", "1.00", "EUR"), JenaPartner));

        await client.ApproveInvoice(japan.Id, "inv-2007-04", Caller.Coordinator);
        await client.PayInvoice(japan.Id, "inv-2007-04", "pay-apr", Caller.Coordinator);
        var repaid = await client.PayInvoice(japan.Id, "inv-2007-04", "pay-apr", Caller.Coordinator);
        Assert.Equal((InvoiceStatus.Paid, "pay-apr"), (repaid.Invoices[0].Status, repaid.Invoices[0].PaymentId));
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "invoice-paid-once", () => client.PayInvoice(japan.Id, "inv-2007-04", "pay-again", Caller.Coordinator));
        await claims.Refused(project.Id, StatusCode.InvalidArgument, "reason: is required", () => client.ApproveInvoice(japan.Id, "inv-2007-06", Caller.Coordinator, Yen(300_000)));
        await client.ApproveInvoice(japan.Id, "inv-2007-06", Caller.Coordinator, Yen(300_000), "travel beyond the budget is not paid");
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "invoice-lifecycle", () => client.PayInvoice(japan.Id, "inv-2007-07", "pay-jul", Caller.Coordinator));

        var year = await client.Reconcile(project.Id, 2007, new DateOnly(2007, 8, 15), Caller.Coordinator);
        Assert.Equal(("2660000", "716072", "420000", "120000", "2240000", 2),
            (year.Contracted.Amount, year.Invoiced.Amount, year.Approved.Amount, year.Paid.Amount, year.Remaining.Amount, year.FlaggedContracts));
        var tanaka = year.Contracts.Single(c => c.Contract.Side == CoordinatorSide.Japan);
        Assert.Equal(("1500000", "620000", "420000", "120000", "1080000", true),
            (tanaka.Contracted.Amount, tanaka.Invoiced.Amount, tanaka.Approved.Amount, tanaka.Paid.Amount, tanaka.Remaining.Amount, tanaka.OverBilled));
        Assert.Equal([(ReconciliationFlagKind.OverBilled, 0, "20000"), (ReconciliationFlagKind.MissingMonth, 5, ""), (ReconciliationFlagKind.OpenInvoice, 6, "300000"), (ReconciliationFlagKind.OpenInvoice, 7, "150000")],
            tanaka.Flags.Select(f => (f.Kind, f.Month?.Month_ ?? 0, f.Amount?.Amount ?? "")));
        var vogel = year.Contracts.Single(c => c.Contract.Side == CoordinatorSide.Overseas);
        Assert.False(vogel.OverBilled);
        Assert.Equal([5, 6, 7], vogel.MissingMonths.Select(m => m.Month_));

        await claims.Refused(project.Id, StatusCode.PermissionDenied, "reconciliation", () => client.Reconcile(project.Id, 2007, new DateOnly(2007, 8, 15), HamamatsuBody));
        var trail = await client.Audit(new GetAuditTrailRequest { SubjectId = japan.Id }, HamamatsuBody);
        Assert.Equal(["signed", "invoice-recorded", "invoice-recorded", "invoice-recorded", "invoice-approved", "invoice-paid", "invoice-approved"], trail.Entries.Select(e => e.Action));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Continuing_a_project_renews_its_coordinator_contracts_into_the_next_year(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject();
        var japan = await client.CreateContract(Contract(project.Id, CoordinatorSide.Japan, "Keiko Tanaka"), Caller.Coordinator);
        var overseas = await client.CreateContract(Contract(project.Id, CoordinatorSide.Overseas, "Stefan Vogel", commission: 960_000, travel: 200_000), Caller.Coordinator);

        await deployment.Projects.Continue(project.Id, 2008);
        var renewed = await Eventually.Poll(() => client.Contracts(project.Id, 2008, HamamatsuBody), r => r.Contracts.Count == 2);
        Assert.Equal([(CoordinatorSide.Japan, "Keiko Tanaka", "1200000", "300000", japan.Id), (CoordinatorSide.Overseas, "Stefan Vogel", "960000", "200000", overseas.Id)],
            renewed.Contracts.Select(c => (c.Side, c.Coordinator.Name, c.CommissionFee.Amount, c.TravelBudget.Amount, c.RenewedFromContractId)));
        Assert.All(renewed.Contracts, c => Assert.Equal((ContractStatus.Active, 2008, 4, 2009, 3), (c.Status, c.FirstMonth.Year, c.FirstMonth.Month_, c.LastMonth.Year, c.LastMonth.Month_)));

        var previous = await client.Contract(japan.Id, HamamatsuBody);
        Assert.Equal((ContractStatus.Renewed, renewed.Contracts[0].Id), (previous.Status, previous.RenewedToContractId));
        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<CoordinatorContractRenewed>().Count() == 2);
        Assert.All(events.OfType<CoordinatorContractRenewed>(), r => Assert.Equal((2007, 2008), (r.PreviousFiscalYear, r.FiscalYear)));
        var trail = await client.Audit(new GetAuditTrailRequest { SubjectId = japan.Id }, HamamatsuBody);
        Assert.Equal([("signed", "coordinator"), ("renewed", "system")], trail.Entries.Select(e => (e.Action, e.ActorRole)));
    }

    private static RecordCoordinatorInvoiceRequest Invoice(string contractId, int month, string commission, string travel, string currency, int year = 2007) => new()
    {
        ContractId = contractId,
        Month = new Month { Year = year, Month_ = month },
        Commission = new Exchange.Common.V1.Money { Amount = commission, Currency = currency },
        Travel = new Exchange.Common.V1.Money { Amount = travel, Currency = currency },
    };
}
