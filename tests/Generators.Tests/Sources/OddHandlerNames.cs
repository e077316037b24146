using Switchboard;

[assembly: MessagingProject("odd")]

namespace App;

public static class Handlers
{
    // Three names that make the same identifier: ordinal order decides who gets TestHandler, TestHandler2, TestHandler3.
    [MessageHandler("test-handler")]
    public static void A()
    {
    }

    [MessageHandler("testHandler")]
    public static void B()
    {
    }

    [MessageHandler("TestHandler")]
    public static void C()
    {
    }

    [MessageHandler("class")]
    public static void @class()
    {
    }

    [MessageHandler("2fast")]
    public static void Fast()
    {
    }

    [MessageHandler("say \"hi\" & <wave>")]
    public static void Say()
    {
    }

    // Names that would collide with the class's own members.
    [MessageHandler("registry")]
    public static void Registry()
    {
    }

    [MessageHandler("oddMessages")]
    public static void Odd()
    {
    }

    // "foo" sorts first and takes SendFooAsync; the handler named "sendFooAsync" then gets SendFooAsync2.
    [MessageHandler("foo")]
    public static void Foo()
    {
    }

    [MessageHandler("sendFooAsync")]
    public static void SendFoo()
    {
    }

    [MessageHandler("ünïcode")]
    public static void Unicode()
    {
    }

    [MessageHandler("___")]
    public static void Underscores()
    {
    }
}
