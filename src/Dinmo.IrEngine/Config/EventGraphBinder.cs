namespace Dinmo.IrEngine.Config;

/// <summary>
/// Turns a schema-valid event stitching document into the typed <see cref="EventGraph"/>: words become
/// enums, omitted keys take their defaults, lifetimes are parsed (an unparsable one keeps its text for
/// the semantic validator to report). It trusts the schema and does no semantic checks.
/// </summary>
internal static class EventGraphBinder
{
    public static EventGraph Bind(ConfigDocument document)
    {
        var root = document.Root;
        var locations = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        root.CollectLocations(locations);
        return new EventGraph
        {
            Project = root["project"]!.Text,
            Models = root["models"]!.Items.Select(BindModel).ToList(),
            Identifiers = root["identifiers"]!.Items.Select(BindIdentifier).ToList(),
            OutputFormat = root["outputs"]?["format"] is { } format ? ConfigVocabulary.OutputFormats[format.Text] : OutputFormat.Arrow,
            Source = new ConfigSource(document.File, locations),
        };
    }

    private static EventModelConfig BindModel(ConfigNode model) => new()
    {
        Name = model["name"]!.Text,
        Path = model["path"]!.Text,
        Format = model["format"] is { } format ? ConfigVocabulary.InputFormats[format.Text] : null,
        PrimaryKey = model["primary_key"]!.Text,
        Timestamp = model["timestamp"]!.Text,
        TimestampUnit = model["timestamp_unit"] is { } unit ? ConfigVocabulary.OrderFieldUnits[unit.Text] : OrderFieldUnit.Seconds,
        Partition = model["partition"]?.Text,
        Identifiers = (model["identifiers"]?.Properties ?? [])
            .Select(p => new IdentifierMapping(p.Name, p.Value.Items.Select(i => i.Text).ToList())).ToList(),
    };

    private static EventIdentifierConfig BindIdentifier(ConfigNode identifier)
    {
        var lifetime = identifier["lifetime"]?.Text;
        return new EventIdentifierConfig
        {
            Name = identifier["name"]!.Text,
            Priority = (int)identifier["priority"]!.Number,
            Anchor = identifier["anchor"]?.Boolean ?? false,
            LifetimeText = lifetime,
            Lifetime = lifetime is null ? null : IsoDuration.Parse(lifetime),
            MaxUniqueValuesPerProfile = (int?)identifier["max_unique_values_per_profile"]?.Number,
            MaxProfilesPerValue = (int?)identifier["max_profiles_per_value"]?.Number,
            // Omitted means the documented default; an explicit [] means "no steps".
            Standardize = identifier["standardize"] is { } steps
                ? steps.Items.Select(s => ConfigVocabulary.StandardizeSteps[s.Text]).ToList()
                : IdentifierConfig.DefaultSteps,
            BlockedValues = identifier["blocked_values"]?.Items.Select(i => i.Text).ToList() ?? [],
            BlockedPatterns = identifier["blocked_patterns"]?.Items.Select(i => i.Text).ToList() ?? [],
        };
    }
}
