using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.ResponseTypeAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class ResponseTypeTests
{
    [Fact]
    public async Task Asking_for_a_long_from_a_handler_that_answers_int_is_an_error_on_the_type_argument()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<{|#0:long|}>("X", "add", new Numbers(1, 2));
                await gateway.SendRequestAsync<{|#1:string|}>("X", "add", new Numbers(1, 2));
                """);
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.ResponseTypeMismatch).WithLocation(0).WithArguments("add", "X", "int", "long"),
            new DiagnosticResult(DiagnosticDescriptors.ResponseTypeMismatch).WithLocation(1).WithArguments("add", "X", "int", "string"));
    }

    [Fact]
    public async Task Answers_that_may_be_the_type_asked_for_are_not_reported()
    {
        var source = Sources.ProjectX + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add", new Numbers(1, 2));
                await gateway.SendRequestAsync<int?>("X", "add", new Numbers(1, 2));
                await gateway.SendRequestAsync<object>("X", "add", new Numbers(1, 2));
                await gateway.SendRequestAsync<IComparable>("X", "add", new Numbers(1, 2));
                await gateway.SendRequestAsync("X", "add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 });
                await gateway.SendRequestAsync<Shape>("X", "shape");
                await gateway.SendRequestAsync<Square>("X", "shape");
                await gateway.SendRequestAsync<IDisposable>("X", "shape");
                await gateway.SendRequestAsync<string?>("X", "name");
                await gateway.SendRequestAsync<long>("X", "add", new Numbers(1, 2), remoteServer: "other-gateway");
                """, extra: """
                public class Shape { }
                public sealed class Square : Shape { }
                public static class More
                {
                    [MessageHandler("shape", Scope.Gateway)]
                    public static Task<Shape> TakeAsync() => Task.FromResult<Shape>(new Square());

                    [MessageHandler("name", Scope.Gateway)]
                    public static ValueTask<string> NameAsync() => new("n");
                }
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_response_type_of_a_referenced_manifest_is_checked()
    {
        var source = Sources.Send("""
                await gateway.SendRequestAsync<{|#0:double|}>("Lib", "sum", new Lib.Terms(1, 2));
                await gateway.SendRequestAsync<int>("Lib", "sum", new Lib.Terms(1, 2));
                """);
        await Verifier.AnalyzerAsync(
            source,
            Sources.LibraryManifest,
            new DiagnosticResult(DiagnosticDescriptors.ResponseTypeMismatch).WithLocation(0).WithArguments("sum", "Lib", "int", "double"));
    }
}
