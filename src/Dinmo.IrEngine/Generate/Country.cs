namespace Dinmo.IrEngine.Generate;

/// <summary>A country as the generator uses it: ISO code, international calling code, digits of a national mobile number after the trunk 0.</summary>
internal sealed record Country(string Code, string CallingCode, int NationalDigits);
