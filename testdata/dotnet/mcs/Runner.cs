// A reflection test runner for the stubs beside it: it loads the test
// assembly named by its argument, runs every [Fact], [Theory] and
// [TestMethod] once per [InlineData] or [DataRow] row (once when there is
// none), prints PASS or FAIL per case and "N passed, N failed", and exits 1
// when a test failed or none ran.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

public static class Runner
{
    private static readonly string[] TestAttributes = { "FactAttribute", "TheoryAttribute", "TestMethodAttribute" };
    private static readonly string[] DataAttributes = { "InlineDataAttribute", "DataRowAttribute" };

    public static int Main(string[] args)
    {
        var assembly = Assembly.LoadFrom(args[0]);
        int passed = 0, failed = 0;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var attributes = method.GetCustomAttributes(false);
                if (!attributes.Any(a => TestAttributes.Contains(a.GetType().Name)))
                {
                    continue;
                }

                var rows = attributes
                    .Where(a => DataAttributes.Contains(a.GetType().Name))
                    .Select(a => (object[])a.GetType().GetProperty("Data").GetValue(a, null))
                    .ToList();
                if (rows.Count == 0)
                {
                    rows.Add(new object[0]);
                }

                foreach (var row in rows)
                {
                    var name = type.Name + "." + method.Name + "(" + string.Join(", ", row.Select(r => "\"" + r + "\"")) + ")";
                    try
                    {
                        method.Invoke(method.IsStatic ? null : Activator.CreateInstance(type), row);
                        passed++;
                        Console.WriteLine("PASS " + name);
                    }
                    catch (TargetInvocationException e)
                    {
                        failed++;
                        Console.WriteLine("FAIL " + name + ": " + e.InnerException.Message);
                    }
                }
            }
        }

        Console.WriteLine(passed + " passed, " + failed + " failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }
}
