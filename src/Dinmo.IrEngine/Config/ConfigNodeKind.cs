namespace Dinmo.IrEngine.Config;

/// <summary>The JSON value kinds a configuration document is made of (YAML maps onto the same six).</summary>
internal enum ConfigNodeKind { Object, Array, String, Number, Boolean, Null }
