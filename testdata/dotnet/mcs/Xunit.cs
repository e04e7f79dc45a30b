// A stub of the xUnit attributes and asserts the dotnet pack's tests use (v2
// and v3 alike), so that Mono's C# compiler can build them without the real
// framework. crane's TestDotnetCompilesWithMono runs them with Runner.cs.
using System;

namespace Xunit
{
    [AttributeUsage(AttributeTargets.Method)]
    public class FactAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class TheoryAttribute : FactAttribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class InlineDataAttribute : Attribute
    {
        public InlineDataAttribute(params object[] data) { Data = data; }

        public object[] Data { get; private set; }
    }

    public static class Assert
    {
        public static void Equal<T>(T expected, T actual)
        {
            if (!Equals(expected, actual))
            {
                throw new Exception(string.Format("Assert.Equal: expected \"{0}\", got \"{1}\"", expected, actual));
            }
        }

        public static T Throws<T>(Action testCode) where T : Exception
        {
            return Check<T>(() => { testCode(); return null; });
        }

        public static T Throws<T>(Func<object> testCode) where T : Exception
        {
            return Check<T>(testCode);
        }

        // Check, as xUnit's Throws does, wants exactly T, not a subclass.
        private static T Check<T>(Func<object> testCode) where T : Exception
        {
            try
            {
                testCode();
            }
            catch (Exception e)
            {
                if (e.GetType() == typeof(T))
                {
                    return (T)e;
                }

                throw new Exception(string.Format("Assert.Throws: expected {0}, got {1}", typeof(T), e.GetType()));
            }

            throw new Exception(string.Format("Assert.Throws: expected {0}, nothing was thrown", typeof(T)));
        }
    }
}
