namespace Hug;

/// <summary>A problem in how an API is declared, found at start-up; the message names the method.</summary>
public sealed class HugConfigurationException(string message) : Exception(message);
