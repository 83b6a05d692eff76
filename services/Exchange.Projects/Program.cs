using Exchange.Projects;

ProjectsApp.Build(args).Run();
