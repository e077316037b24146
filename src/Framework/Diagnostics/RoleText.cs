using System.Text;

namespace Switchboard;

/// <summary>How a list of roles prints in logs and <c>ToString()</c>: <c>[operator, admin]</c>, not <c>System.String[]</c>.</summary>
internal static class RoleText
{
    public static StringBuilder AppendRoles(this StringBuilder builder, IReadOnlyList<string> roles)
    {
        builder.Append('[');
        for (var i = 0; i < roles.Count; i++)
        {
            builder.Append(i == 0 ? "" : ", ").Append(roles[i]);
        }

        return builder.Append(']');
    }
}
