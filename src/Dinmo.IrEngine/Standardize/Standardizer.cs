using System.Buffers;
using System.Text;
using Dinmo.IrEngine.Config;

namespace Dinmo.IrEngine.Standardize;

/// <summary>
/// Applies one identifier's ordered standardization steps (SPEC §3.2) to a UTF-8 value, without
/// creating a .NET string. Each instance owns two rented scratch buffers and is used by one thread;
/// the span it returns is valid until the next call. Dispose returns the buffers.
/// </summary>
internal sealed class Standardizer : IDisposable
{
    private const int InitialScratchBytes = 256;

    private readonly StandardizeStep[] _steps;
    private byte[] _front = ArrayPool<byte>.Shared.Rent(InitialScratchBytes);
    private byte[] _back = ArrayPool<byte>.Shared.Rent(InitialScratchBytes);

    public Standardizer(IReadOnlyList<StandardizeStep> steps) => _steps = [.. steps];

    /// <summary>The standardized value; empty means "no observation".</summary>
    public ReadOnlySpan<byte> Apply(ReadOnlySpan<byte> value)
    {
        var current = value;
        foreach (var step in _steps)
        {
            if (current.IsEmpty) break;
            current = step switch
            {
                StandardizeStep.Trim => TextSteps.Trim(current),
                StandardizeStep.Lowercase => Write(current, TextSteps.Lowercase),
                StandardizeStep.OnlyNumeric => Write(current, TextSteps.OnlyNumeric),
                StandardizeStep.CollapseWhitespace => Write(current, TextSteps.CollapseWhitespace),
                StandardizeStep.FoldAccents => Write(current, TextSteps.FoldAccents),
                StandardizeStep.Email => Write(current, TextSteps.Email),
                _ => throw new ArgumentOutOfRangeException(nameof(step), step, "unknown standardization step"),
            };
        }
        return current;
    }

    /// <summary>A .NET string convenience for configuration values (blocked values), not for the hot path.</summary>
    public string ApplyToString(string value) => Encoding.UTF8.GetString(Apply(Encoding.UTF8.GetBytes(value)));

    private delegate void Step(ReadOnlySpan<byte> input, ref Utf8Writer output);

    private ReadOnlySpan<byte> Write(ReadOnlySpan<byte> input, Step step)
    {
        // Steps ping-pong between the two scratch buffers: the input may live in _front,
        // so the output goes to _back, and then they swap roles.
        var writer = new Utf8Writer(_back);
        step(input, ref writer);
        _back = _front;
        _front = writer.Buffer;
        return _front.AsSpan(0, writer.Length);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_front);
        ArrayPool<byte>.Shared.Return(_back);
        _front = _back = [];
    }
}
