using System;

namespace Switchboard.Analyzers.Payloads;

/// <summary>
/// The kinds of JSON value a payload or a dictionary value can be written as, or a payload type can be read from. The
/// runtime converts payloads through JSON (<c>PayloadJson</c>), so a value can become a type only when the two share a
/// kind. <see cref="Any"/> is "cannot tell", which never leads to a diagnostic.
/// </summary>
[Flags]
internal enum JsonKinds
{
    None = 0,
    String = 1,
    Number = 2,
    Boolean = 4,
    Object = 8,
    Array = 16,
    Null = 32,
    Any = String | Number | Boolean | Object | Array | Null,
}
