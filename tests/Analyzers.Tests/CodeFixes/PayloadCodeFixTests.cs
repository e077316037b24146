using Switchboard.Analyzers.CodeFixes;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests.CodeFixes;

/// <summary>The fixes for payloads and answers: missing dictionary keys (SWB0012) and the type a request asks for (SWB0019).</summary>
public sealed class PayloadCodeFixTests
{
    private const string Order = """
        public sealed record Order(string Item, int Quantity, bool Urgent, double Price, Numbers Parts, string Note = "");
        public static class More
        {
            [MessageHandler("order", Scope.Gateway)]
            public static void Take(Order order) { }
        }
        """;

    [Fact]
    public async Task Missing_keys_are_added_with_placeholders_in_the_dictionarys_own_style()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "order", {|SWB0012:new Dictionary<string, object?> { ["item"] = "bolt" }|});
                gateway.SendMessage("X", "record", {|SWB0012:new Dictionary<string, object?> { { "value", 1.5 } }|});
                """, Order);
        var fixedSource = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "order", new Dictionary<string, object?> { ["item"] = "bolt", ["Quantity"] = 0, ["Urgent"] = false, ["Price"] = 0.0, ["Parts"] = default(Numbers) });
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { { "value", 1.5 }, { "Tag", "" } });
                """, Order);
        await Verify<DictionaryPayloadKeysAnalyzer>.CodeFixAsync<MissingKeysCodeFixProvider>(source, fixedSource);
    }

    [Fact]
    public async Task A_single_missing_key_is_named_in_the_fix_title()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", {|SWB0012:new Dictionary<string, object?> { ["A"] = 1 }|});
                """);
        var fixedSource = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", new Dictionary<string, object?> { ["A"] = 1, ["B"] = 0 });
                """);
        await Verify<DictionaryPayloadKeysAnalyzer>.CodeFixAsync<MissingKeysCodeFixProvider>(source, fixedSource, title: "Add the key 'B'");
    }

    [Fact]
    public async Task An_unknown_key_gets_no_missing_key_fix()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "record", new Dictionary<string, object?> { ["tag"] = "T", [{|SWB0012:"vlaue"|}] = 1.5 });
                """);
        await Verify<DictionaryPayloadKeysAnalyzer>.CodeFixAsync<MissingKeysCodeFixProvider>(source, source);
    }

    [Fact]
    public async Task A_request_asks_for_the_type_the_handler_answers_with()
    {
        var source = Sources.ProjectX + Sources.Send("""
                long sum = await gateway.SendRequestAsync<{|SWB0019:long|}>("X", "add", new Numbers(1, 2));
                """);
        var fixedSource = Sources.ProjectX + Sources.Send("""
                long sum = await gateway.SendRequestAsync<int>("X", "add", new Numbers(1, 2));
                """);
        await Verify<ResponseTypeAnalyzer>.CodeFixAsync<ResponseTypeCodeFixProvider>(source, fixedSource, title: "Ask for 'int'");
    }

    [Fact]
    public async Task ScopeCode_Parse_gets_the_corrected_letters()
    {
        var source = """
            public static class Scopes
            {
                public static Scope Parsed() => ScopeCode.Parse({|SWB0003:"CGX"|});
            }
            """;
        var fixedSource = """
            public static class Scopes
            {
                public static Scope Parsed() => ScopeCode.Parse("CG");
            }
            """;
        await Verify<InvalidScopeAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(source, fixedSource, title: "Use scope \"CG\"");
    }

    [Fact]
    public async Task ScopeCode_Parse_with_no_known_letter_gets_no_fix_because_it_takes_no_null()
    {
        var source = """
            public static class Scopes
            {
                public static Scope Unknown() => ScopeCode.Parse({|SWB0003:"X"|});
            }
            """;
        await Verify<InvalidScopeAnalyzer>.CodeFixAsync<ScopeCodeFixProvider>(source, source);
    }
}
