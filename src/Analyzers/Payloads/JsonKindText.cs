using System.Collections.Generic;

namespace Switchboard.Analyzers.Payloads;

/// <summary>JSON kinds in words, for messages: <c>a JSON string or number</c>.</summary>
internal static class JsonKindText
{
    public static string Describe(JsonKinds kinds)
    {
        var names = new List<string>(6);
        Add(names, kinds, JsonKinds.String, "string");
        Add(names, kinds, JsonKinds.Number, "number");
        Add(names, kinds, JsonKinds.Boolean, "true or false");
        Add(names, kinds, JsonKinds.Object, "object");
        Add(names, kinds, JsonKinds.Array, "array");
        Add(names, kinds, JsonKinds.Null, "null");
        return names.Count switch
        {
            0 => "nothing",
            1 => "a JSON " + names[0],
            _ => "a JSON " + string.Join(", ", names.GetRange(0, names.Count - 1)) + " or " + names[names.Count - 1],
        };
    }

    private static void Add(List<string> names, JsonKinds kinds, JsonKinds kind, string name)
    {
        if ((kinds & kind) != 0)
        {
            names.Add(name);
        }
    }
}
