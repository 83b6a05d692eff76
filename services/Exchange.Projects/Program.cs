using Exchange.Identity;
using Exchange.Projects;
using Exchange.Projects.Grpc;
using Exchange.Projects.V1;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults("projects");
builder.Services.AddExchangeIdentity(builder.Configuration);
builder.AddProjectsServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseExchangeIdentity();
app.MapRpcService<ProjectsRpc>(ProjectsReflection.Descriptor.Services[0]);
app.Run();

public partial class Program;
