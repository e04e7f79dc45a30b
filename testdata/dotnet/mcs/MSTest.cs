// A stub of the MSTest attributes and asserts the dotnet pack's tests use, so
// that Mono's C# compiler can build them without the real framework. crane's
// TestDotnetCompilesWithMono runs them with Runner.cs.
using System;

namespace Microsoft.VisualStudio.TestTools.UnitTesting
{
    public enum ExecutionScope
    {
        ClassLevel,
        MethodLevel,
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class ParallelizeAttribute : Attribute
    {
        public ExecutionScope Scope { get; set; }

        public int Workers { get; set; }
    }

    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] data) { Data = data; }

        public object[] Data { get; private set; }
    }

    public static class Assert
    {
        public static void AreEqual<T>(T expected, T actual)
        {
            if (!Equals(expected, actual))
            {
                throw new Exception(string.Format("Assert.AreEqual: expected <{0}>, got <{1}>", expected, actual));
            }
        }

        public static T ThrowsExactly<T>(Action action) where T : Exception
        {
            return Check<T>(() => { action(); return null; });
        }

        public static T ThrowsExactly<T>(Func<object> action) where T : Exception
        {
            return Check<T>(action);
        }

        private static T Check<T>(Func<object> action) where T : Exception
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() == typeof(T))
                {
                    return (T)e;
                }

                throw new Exception(string.Format("Assert.ThrowsExactly: expected {0}, got {1}", typeof(T), e.GetType()));
            }

            throw new Exception(string.Format("Assert.ThrowsExactly: expected {0}, nothing was thrown", typeof(T)));
        }
    }
}
