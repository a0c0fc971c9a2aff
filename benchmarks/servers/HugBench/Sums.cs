using Hug;

/// <summary>The POST scenario: a small JSON body bound to a record.</summary>
public static class Sums
{
    /// <summary>Returns the sum of the two numbers in the body</summary>
    [Post("/sum")]
    public static int Sum(Numbers numbers) => numbers.number_1 + numbers.number_2;
}

public sealed record Numbers(int number_1, int number_2);
