using Switchboard.AspNetCore;
using WebHmi.Messages;

namespace WebHmi.Components;

// The handler lives in code-behind, not in the .razor file's @code block: source generators do not see what the
// Razor generator writes, and this way the Switchboard generator writes its typed stub (ComponentMessages).
public partial class RefreshStamp
{
    private RefreshRequest? request;

    [ComponentMessageHandler("refresh", ListenScope.Page)]
    private void OnRefresh(RefreshRequest next) => request = next;
}
