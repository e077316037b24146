using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard;
using Switchboard.Redis;

// Every [MessageHandler] in this assembly belongs to messaging project "Plant"; the generator writes PlantMessages.
[assembly: MessagingProject("Plant")]

var builder = Host.CreateApplicationBuilder(args);

// Handler classes that take services are resolved per message from the message's own DI scope.
builder.Services.AddScoped<AlarmHandlers>();

// The gateway (named by Switchboard:Name) joins the gateway network over Redis (Switchboard:Redis).
builder.Services.AddSwitchboard().AddProject(PlantMessages.Registry).AddRedisNetwork();

await builder.Build().RunAsync();
