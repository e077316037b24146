using Switchboard.AspNetCore;
using WebHmi.Messages;

namespace WebHmi.Components;

// The handler lives in code-behind, not in the .razor file's @code block: source generators do not see what the
// Razor generator writes, and this way the Switchboard generator writes its typed stub (ComponentMessages).
public partial class TankGauge
{
    private TankReading? reading;

    // The gateway's timer sends "tankLevel" to Session scope; the session handler passes it here.
    [ComponentMessageHandler("tankLevel", ListenScope.Session)]
    private void OnTankLevel(TankReading next) => reading = next;
}
