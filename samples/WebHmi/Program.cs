// WebHmi: each browser is a Switchboard session. Log in as operator/operator, supervisor/supervisor or admin/admin.
//   dotnet run --project samples/WebHmi                       (http://localhost:5088)
//   dotnet run --project samples/WebHmi -- --urls http://127.0.0.1:5099
using WebHmi;

await WebHmiApp.Create(args).RunAsync();
