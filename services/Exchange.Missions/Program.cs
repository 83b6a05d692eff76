using Exchange.Missions;

MissionsApp.Build(args).Run();
