using System;

namespace Switchboard.Analyzers.Model;

/// <summary>The analyzers' copy of <c>Switchboard.Scope</c> (an analyzer cannot reference the runtime assembly); same values.</summary>
[Flags]
internal enum ScopeFlags
{
    None = 0,
    Client = 1,
    Gateway = 2,
    Session = 4,
    All = Client | Gateway | Session,
}
