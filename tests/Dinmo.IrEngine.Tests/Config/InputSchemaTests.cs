using Apache.Arrow;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Config;
using Dinmo.IrEngine.Errors;

namespace Dinmo.IrEngine.Tests.Config;

public sealed class InputSchemaTests : IDisposable
{
    private readonly ConfigFiles _files = new();
    private readonly IdentityGraph _graph;

    public InputSchemaTests() => _graph = IdentityGraphLoader.Load(_files.Write(ConfigFiles.SpecJson));

    public void Dispose() => _files.Dispose();

    [Fact]
    public void AllColumnsPresent_Passes()
    {
        IdentityGraphLoader.CheckInputSchemas(_graph, m => m.Name == "crm_contacts" ? Crm() : Shop());
    }

    [Fact]
    public void MissingColumn_ReportsModelColumnLocationAndHint()
    {
        var crm = Schema(("contact_id", Int64Type.Default), ("updated_at", TimestampType.Default), ("email", StringType.Default),
            ("email_secondry", StringType.Default), ("mobile", StringType.Default), ("crm_id", StringType.Default),
            ("last_name", StringType.Default), ("first_name", StringType.Default), ("country_code", StringType.Default));

        var error = Assert.Single(Errors(m => m.Name == "crm_contacts" ? crm : Shop()));

        Assert.Equal("$.models[0].identifiers.email[1]", error.JsonPath);
        Assert.Equal((6, 43), (error.Line, error.Column));
        Assert.Contains("column 'email_secondary'", error.Found);
        Assert.Contains("model 'crm_contacts'", error.Found);
        Assert.Equal("did you mean 'email_secondry'?", error.Hint);
    }

    [Fact]
    public void EveryMissingColumn_IsListed()
    {
        var errors = Errors(m => m.Name == "crm_contacts" ? Crm() : Schema(("id", Int64Type.Default)));

        Assert.Equal(
            ["$.models[1].order_field", "$.models[1].identifiers.email[0]", "$.models[1].identifiers.customer_id[0]",
             "$.models[1].identifiers.last_name[0]", "$.models[1].fields.first_name"],
            errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void GoldenFieldTypeMismatch_NamesBothModels()
    {
        var shop = Schema(("id", Int64Type.Default), ("modified", Int64Type.Default), ("email", StringType.Default),
            ("crm_ref", StringType.Default), ("surname", StringType.Default), ("given_name", Int32Type.Default));

        var error = Assert.Single(Errors(m => m.Name == "crm_contacts" ? Crm() : shop));

        Assert.Equal("$.models[1].fields.first_name", error.JsonPath);
        Assert.Contains("'shop_customers' (column 'given_name')", error.Found);
        Assert.Contains("'crm_contacts' (column 'first_name')", error.Found);
        Assert.Contains("int32", error.Found);
    }

    [Fact]
    public void GoldenFieldAsDifferentStringEncodings_Passes()
    {
        var shop = Schema(("id", Int64Type.Default), ("modified", Int64Type.Default), ("email", StringType.Default),
            ("crm_ref", StringType.Default), ("surname", StringType.Default), ("given_name", LargeStringType.Default));

        IdentityGraphLoader.CheckInputSchemas(_graph, m => m.Name == "crm_contacts" ? Crm() : shop);
    }

    private IReadOnlyList<ConfigError> Errors(Func<ModelConfig, Schema> schemaOf) =>
        Assert.Throws<ConfigException>(() => IdentityGraphLoader.CheckInputSchemas(_graph, schemaOf)).Errors;

    private static Schema Crm() => Schema(("contact_id", Int64Type.Default), ("updated_at", TimestampType.Default),
        ("email", StringType.Default), ("email_secondary", StringType.Default), ("mobile", StringType.Default),
        ("crm_id", StringType.Default), ("last_name", StringType.Default), ("first_name", StringType.Default),
        ("country_code", StringType.Default));

    private static Schema Shop() => Schema(("id", Int64Type.Default), ("modified", Int64Type.Default), ("email", StringType.Default),
        ("crm_ref", StringType.Default), ("surname", StringType.Default), ("given_name", StringType.Default));

    private static Schema Schema(params (string Name, IArrowType Type)[] columns)
    {
        var builder = new Schema.Builder();
        foreach (var (name, type) in columns) builder.Field(new Field(name, type, nullable: true));
        return builder.Build();
    }
}
