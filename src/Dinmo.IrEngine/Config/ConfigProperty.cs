namespace Dinmo.IrEngine.Config;

/// <summary>
/// One key of an object node. The key keeps its own position because an unknown or misspelt key
/// is reported where the key is written, not where its value starts.
/// </summary>
internal sealed record ConfigProperty(string Name, int Line, int Column, ConfigNode Value);
