using System.Threading.Tasks;
using Switchboard;

namespace App;

public static class Fleet
{
    // Answers in the gateway and in sessions, returns nothing in clients: the request-all stubs default to G and S.
    [MessageHandler("status", Scope.Gateway)]
    public static int GatewayStatus() => 1;

    [MessageHandler("status", Scope.Session)]
    public static Task<int> SessionStatusAsync(Session session) => Task.FromResult(2);

    [MessageHandler("status", Scope.Client)]
    public static void ClientStatus() { }

    // Clients and sessions answer with different types: the request-all results carry object.
    [MessageHandler("load", Scope.Client)]
    public static double ClientLoad() => 0.5;

    [MessageHandler("load", Scope.Session)]
    public static ValueTask<long> SessionLoadAsync() => new(3L);

    // Returns nothing anywhere: no request-all stubs.
    [MessageHandler("refresh", Scope.Client | Scope.Session)]
    public static void Refresh() { }
}
