using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.UnusableHandlerNameAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class UnusableHandlerNameTests
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
    public async Task A_name_longer_than_1024_characters_is_an_error_and_one_of_1024_is_not()
    {
        var longest = new string('n', 1024);
        var source = $$"""
            public static class Handlers
            {
                [MessageHandler({|SWB0010:"{{longest}}n"|})]
                public static void Overlong() { }

                [MessageHandler("{{longest}}")]
                public static void Longest() { }
            }

            """ + Sources.Send($$"""
                gateway.SendMessage("X", {|SWB0010:"{{longest}}n"|});
                gateway.SendMessage("X", "{{longest}}");
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
