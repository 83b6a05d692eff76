using Exchange.Surveys;

SurveysApp.Build(args).Run();
