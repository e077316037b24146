// The analyzers arrive with the "Analyzers and code fixes" issue; this project exists so the solution layout is fixed.
[assembly: System.Reflection.AssemblyDescription("Switchboard analyzers")]
