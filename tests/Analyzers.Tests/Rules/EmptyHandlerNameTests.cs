using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.EmptyHandlerNameAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class EmptyHandlerNameTests
{
    [Fact]
    public async Task An_empty_or_whitespace_name_is_an_error_in_a_declaration_and_in_a_send()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler({|SWB0010:""|})]
                public static void Empty() { }

                [MessageHandler(scope: Scope.Client, name: {|SWB0010:"  "|})]
                public static void Blank() { }
            }

            """ + Sources.Send("""
                const string Nothing = "";
                gateway.SendMessage("X", {|SWB0010:Nothing|});
                await gateway.SendRequestAsync("X", {|SWB0010:" "|});
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Names_with_text_and_non_constant_names_are_not_reported()
    {
        var source = """
            public static class Handlers
            {
                [MessageHandler(" padded ")]
                public static void Padded() { }
            }

            """ + Sources.Send("""
                gateway.SendMessage("X", " padded ");
                gateway.SendMessage("X", Console.ReadLine() ?? "");
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Sends_to_a_referenced_project_are_checked_too()
    {
        var source = Sources.Send("""gateway.SendMessage("Lib", {|SWB0010:""|});""");
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }
}
