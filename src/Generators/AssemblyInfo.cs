// The generator arrives with the "Source generator" issue; this project exists so the solution layout is fixed.
[assembly: System.Reflection.AssemblyDescription("Switchboard source generator")]
