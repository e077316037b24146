// HostedGateway: a Switchboard gateway in a Generic Host, with configuration, DI, logging and OpenTelemetry.
using HostedGateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Switchboard;

var builder = Host.CreateApplicationBuilder(args);

// Handler classes come from DI, resolved per message in the message's own scope.
builder.Services.AddSingleton<AlarmBook>();
builder.Services.AddScoped<AlarmHandlers>();

// The gateway: options from the "Switchboard" section of appsettings.json; project Plant's generated registry.
builder.Services.AddSwitchboard().AddProject(PlantMessages.Registry);

// Traces and metrics of the Switchboard ActivitySource and Meter (Switchboard.OpenTelemetry), printed to the console.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSwitchboardInstrumentation().AddConsoleExporter())
    .WithMetrics(metrics => metrics.AddSwitchboardInstrumentation().AddConsoleExporter());

// Health: the gateway, its network and its queue (serve them with app.MapHealthChecks in a web app).
builder.Services.AddHealthChecks().AddSwitchboard();

// A stand-in for tag change scripts: it raises a few alarms, asks how many are active, then stops the host.
builder.Services.AddHostedService<TagSimulator>();

await builder.Build().RunAsync();
