using Dinmo.IrEngine.Columnar;

namespace Dinmo.IrEngine.StableIds;

/// <summary>
/// Collects <see cref="StateRecords"/> rows, which must come in strictly ascending (model name, entity
/// key) order; <see cref="Build"/> throws <see cref="InvalidDataException"/> when they did not. Owns
/// its pooled buffers until <see cref="Build"/> copies them into the state's arrays.
/// </summary>
internal sealed class StateRecordsBuilder(int capacity) : IDisposable
{
    private readonly List<byte[]> _modelNames = [];
    private readonly GrowableArray<int> _model = new(capacity);
    private readonly Utf8Column _keys = new(capacity, capacity * 16);
    private readonly GrowableArray<DinmoId> _ids = new(capacity);
    private readonly GrowableArray<bool> _active = new(capacity);
    private bool _outOfOrder;

    public void Add(ReadOnlySpan<byte> model, ReadOnlySpan<byte> key, DinmoId id, bool active)
    {
        var last = _modelNames.Count - 1;
        var order = last < 0 ? 1 : model.SequenceCompareTo(_modelNames[last]);
        if (order > 0) _modelNames.Add(model.ToArray());
        else if (order < 0 || key.SequenceCompareTo(_keys[_keys.Count - 1]) <= 0) _outOfOrder = true;
        _model.Add(_modelNames.Count - 1);
        _keys.Add(key);
        _ids.Add(id);
        _active.Add(active);
    }

    public StateRecords Build()
    {
        if (_outOfOrder) throw new InvalidDataException("record ids are not in strictly ascending (model_name, entity_key) order");
        return new StateRecords([.. _modelNames], _model.ToArray(), _keys.Bytes.ToArray(), _keys.Offsets.ToArray(), _ids.ToArray(), _active.ToArray());
    }

    public void Dispose()
    {
        _model.Dispose();
        _keys.Dispose();
        _ids.Dispose();
        _active.Dispose();
    }
}
