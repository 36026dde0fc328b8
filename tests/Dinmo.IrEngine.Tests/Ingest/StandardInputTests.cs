using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Dinmo.IrEngine.Tests.Support;

namespace Dinmo.IrEngine.Tests.Ingest;

/// <summary>
/// SPEC §3.1 / issue #2: a model whose <c>path</c> is <c>-</c> reads an Arrow IPC stream from the
/// process's standard input, through the real CLI, beside a model read from a file.
/// </summary>
public sealed class StandardInputTests
{
    private const string Graph = """
        {
          "project": "piped",
          "models": [ { "name": "app_users", "path": "-", "primary_key": "user_id", "order_field": "seen",
                        "identifiers": { "email": ["email"] } },
                      { "name": "crm_contacts", "path": "crm_contacts.csv", "primary_key": "id", "order_field": "updated",
                        "identifiers": { "email": ["email"] } } ],
          "identifiers": [ { "name": "email" } ],
          "rules": [ { "name": "email", "criteria": [ { "identifiers": ["email"], "match": "exact" } ] } ]
        }
        """;

    private const string Crm = "id,email,updated\nc1,ann@x.com,2024-01-01\nc2,bob@x.com,2024-01-02\n";

    [Fact]
    public void PathDash_ReadsAnArrowStreamPipedToStdin()
    {
        using var s = new ResolveScenario().File("crm_contacts.csv", Crm).Graph(Graph);
        // Two batches, so the reader must keep reading the pipe after the first one.
        var stream = AppUsersStream(
            [("u1", "ANN@x.com"), ("u2", "carol@x.com")],
            [("u3", "bob@x.com"), ("u4", null)]);

        var run = CliRunner.RunWithInput(stream, "resolve", s.GraphPath, "--out", s.OutputFolder, "--format", "csv", "--run-id", "piped");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var summary = run.Summary;
        Assert.Equal(6, summary.GetProperty("records").GetInt32());
        Assert.Equal(4, summary.GetProperty("models").GetProperty("app_users").GetProperty("records").GetInt32());
        var ids = s.Ids();
        Assert.Equal(6, ids.Count);
        Assert.Equal(ids["crm_contacts/c1"], ids["app_users/u1"]);
        Assert.Equal(ids["crm_contacts/c2"], ids["app_users/u3"]);
        Assert.NotNull(ids["app_users/u2"]);
        Assert.Null(ids["app_users/u4"]); // no email: missing_identifiers
        var lookup = s.Table("identity_lookup").Where(r => r["model_name"] == "app_users").ToList();
        Assert.Equal(["ANN@x.com", "carol@x.com", "bob@x.com"], lookup.OrderBy(r => r["entity_key"], StringComparer.Ordinal).Select(r => r["raw_value"]));
    }

    [Fact]
    public void PathDash_WithTruncatedStreamOnStdin_ExitsThree()
    {
        using var s = new ResolveScenario().File("crm_contacts.csv", Crm).Graph(Graph);
        var stream = AppUsersStream([("u1", "ann@x.com"), ("u2", "bob@x.com")]);

        var run = CliRunner.RunWithInput(stream[..(stream.Length - 40)], "resolve", s.GraphPath, "--out", s.OutputFolder, "--format", "csv");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Arrow IPC stream", run.StdErr);
        Assert.False(Directory.Exists(s.OutputFolder));
    }

    [Fact]
    public void PathDash_WithNothingPiped_ExitsThreeSayingStdinIsEmpty()
    {
        using var s = new ResolveScenario().File("crm_contacts.csv", Crm).Graph(Graph);

        var run = CliRunner.RunWithInput([], "resolve", s.GraphPath, "--out", s.OutputFolder, "--format", "csv");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("standard input is empty", run.StdErr);
        Assert.Contains("model app_users", run.StdErr);
    }

    /// <summary>An Arrow IPC stream of app_users (user_id, email, seen), one record batch per argument.</summary>
    private static byte[] AppUsersStream(params (string UserId, string? Email)[][] batches)
    {
        var schema = new Schema.Builder()
            .Field(new Field("user_id", StringType.Default, false))
            .Field(new Field("email", StringType.Default, true))
            .Field(new Field("seen", new TimestampType(TimeUnit.Microsecond, "UTC"), true))
            .Build();
        using var buffer = new MemoryStream();
        using (var writer = new ArrowStreamWriter(buffer, schema, leaveOpen: true))
        {
            foreach (var rows in batches)
            {
                var keys = new StringArray.Builder();
                var emails = new StringArray.Builder();
                var seen = new TimestampArray.Builder(TimeUnit.Microsecond, "UTC");
                foreach (var (userId, email) in rows)
                {
                    keys.Append(userId);
                    if (email is null) emails.AppendNull();
                    else emails.Append(email);
                    seen.Append(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
                }
                writer.WriteRecordBatch(new RecordBatch(schema, [keys.Build(), emails.Build(), seen.Build()], rows.Length));
            }
            writer.WriteEnd();
        }
        return buffer.ToArray();
    }
}
