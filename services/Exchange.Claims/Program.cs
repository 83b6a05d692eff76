using Exchange.Claims;

ClaimsApp.Build(args).Run();
