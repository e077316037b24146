using Switchboard.AspNetCore;
using WebHmi.Messages;

namespace WebHmi.Components;

// The handler lives in code-behind, not in the .razor file's @code block: source generators do not see what the
// Razor generator writes, and this way the Switchboard generator writes its typed stub (ComponentMessages).
public partial class ShiftNotes
{
    private readonly List<ShiftNote> notes = [];

    [ComponentMessageHandler("shiftNote", ListenScope.Session)]
    private void OnShiftNote(ShiftNote note)
    {
        notes.Insert(0, note);
        if (notes.Count > 5)
        {
            notes.RemoveAt(notes.Count - 1);
        }
    }
}
