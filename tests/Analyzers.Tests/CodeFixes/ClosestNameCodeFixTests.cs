using Switchboard.Analyzers.CodeFixes;
using Switchboard.Analyzers.Rules;
using Switchboard.Analyzers.Tests.Support;

namespace Switchboard.Analyzers.Tests.CodeFixes;

public sealed class ClosestNameCodeFixTests
{
    [Fact]
    public async Task Every_mistyped_handler_name_becomes_the_closest_declared_one()
    {
        // Case-insensitive match first ("TESTHANDLER"), then edit distance ("tset" → "test", "ad" → "add").
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", {|SWB0001:"TESTHANDLER"|});
                gateway.SendMessage("X", {|SWB0001:"tset"|}, scope: "S");
                await gateway.SendRequestAsync<int>("X", {|SWB0001:"ad"|});
                """);
        var fixedSource = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler");
                gateway.SendMessage("X", "test", scope: "S");
                await gateway.SendRequestAsync<int>("X", "add");
                """);
        await Verify<UnknownHandlerNameAnalyzer>.CodeFixAsync<ClosestNameCodeFixProvider>(source, fixedSource);
    }

    [Fact]
    public async Task The_fix_is_titled_with_the_suggestion()
    {
        var source = Sources.ProjectX + Sources.Send("""gateway.SendMessage("X", {|SWB0001:"tsetHandler"|});""");
        var fixedSource = Sources.ProjectX + Sources.Send("""gateway.SendMessage("X", "testHandler");""");
        await Verify<UnknownHandlerNameAnalyzer>.CodeFixAsync<ClosestNameCodeFixProvider>(source, fixedSource, title: "Did you mean 'testHandler'?");
    }

    [Fact]
    public async Task A_name_with_nothing_close_gets_no_fix()
    {
        var source = Sources.ProjectX + Sources.Send("""gateway.SendMessage("X", {|SWB0001:"somethingElseEntirely"|});""");
        await Verify<UnknownHandlerNameAnalyzer>.CodeFixAsync<ClosestNameCodeFixProvider>(source, source);
    }

    [Fact]
    public async Task Mistyped_project_names_become_the_closest_known_project_including_referenced_ones()
    {
        var source = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage({|SWB0002:"x"|}, "testHandler");
                gateway.SendMessage({|SWB0002:"Lbi"|}, "reading");
                """);
        var fixedSource = Sources.ProjectX + Sources.Send("""
                gateway.SendMessage("X", "testHandler");
                gateway.SendMessage("Lib", "reading");
                """);
        await Verify<UnknownProjectAnalyzer>.CodeFixAsync<ClosestNameCodeFixProvider>(source, fixedSource, Sources.LibraryManifest);
    }

    [Fact]
    public async Task A_handler_of_a_referenced_assembly_is_suggested()
    {
        var source = Sources.Send("""gateway.SendMessage("Lib", {|SWB0001:"alret"|}, scope: "C");""");
        var fixedSource = Sources.Send("""gateway.SendMessage("Lib", "alert", scope: "C");""");
        await Verify<UnknownHandlerNameAnalyzer>.CodeFixAsync<ClosestNameCodeFixProvider>(
            source, fixedSource, Sources.LibraryManifest, title: "Did you mean 'alert'?");
    }
}
