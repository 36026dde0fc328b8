namespace Dinmo.IrEngine.Tests.Stitch;

/// <summary>End-to-end cases of <c>irengine stitch</c> on small hand-made events (SPEC §9), CSV in, CSV out.</summary>
public sealed class StitchScenarioTests
{
    [Fact]
    public void AnonymousVisitorLogsIn_AnonymousProfileBecomesKnown()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,
            e2,2024-01-01T10:05:00Z,2024-01-01,a1,,,
            """, "_1");
        s.StitchOk("run-1");
        var anonymous = s.ProfileOf("e1")!;
        Assert.Equal(anonymous, s.ProfileOf("e2"));
        Assert.Equal("false", s.Profile(anonymous)["is_known"]);

        s.Events("e3,2024-01-01T10:10:00Z,2024-01-01,a1,U1,,", "_2");
        s.StitchOk("run-2");
        Assert.Equal(anonymous, s.ProfileOf("e3"));
        var profile = s.Profile(anonymous);
        Assert.Equal("true", profile["is_known"]);
        Assert.Equal("active", profile["status"]);
        Assert.Equal("3", profile["event_count"]);
        Assert.Equal("anonymous_id", s.Attribution()["e3"]["matched_identifier"]);
        Assert.Contains(s.Values(), v => v["dinmo_stitched_profile_id"] == anonymous && v["identifier"] == "user_id"
            && v["value"] == "u1" && v["is_anchor"] == "true" && v["status"] == "active");
        Assert.Single(s.Profiles());
    }

    [Fact]
    public void TwoAnonymousProfilesMergedByLaterEvent_RedirectsPointToTheOldestSurvivor()
    {
        using var s = new StitchScenario().Events("""
            e0,2024-01-01T09:00:00Z,2024-01-01,a0,,d0,
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,,d1,
            e2,2024-01-01T11:00:00Z,2024-01-01,a2,,,
            e3,2024-01-01T12:00:00Z,2024-01-01,a2,,d1,
            e4,2024-01-01T13:00:00Z,2024-01-01,a1,,d0,
            """);
        s.StitchOk();
        var p0 = s.Attribution()["e0"]["dinmo_stitched_profile_id"];
        var p1 = s.Attribution()["e1"]["dinmo_stitched_profile_id"];
        var p2 = s.Attribution()["e2"]["dinmo_stitched_profile_id"];
        Assert.Equal(3, new[] { p0, p1, p2 }.Distinct().Count());
        Assert.Equal("merged", s.Attribution()["e3"]["reason"]);
        Assert.Equal(p1, s.Attribution()["e3"]["dinmo_stitched_profile_id"]); // p2 merged into the older p1
        Assert.Equal(p0, s.Attribution()["e4"]["dinmo_stitched_profile_id"]); // then p1 into the older p0
        foreach (var e in new[] { "e0", "e1", "e2", "e3", "e4" }) Assert.Equal(p0, s.ProfileOf(e));

        var redirects = s.Redirects().ToDictionary(r => r["from_dinmo_stitched_profile_id"]!);
        Assert.Equal(2, redirects.Count);
        Assert.Equal(p0, redirects[p2!]["to_dinmo_stitched_profile_id"]); // always the final survivor
        Assert.Equal(p1, redirects[p2!]["merged_into_dinmo_stitched_profile_id"]);
        Assert.Equal("device_id", redirects[p2!]["via_identifier"]);
        Assert.Equal(p0, redirects[p1!]["to_dinmo_stitched_profile_id"]);
        Assert.Equal("merged", s.Profile(p1!)["status"]);
        Assert.Equal(p0, s.Profile(p2!)["resolved_dinmo_stitched_profile_id"]);
        Assert.Equal("5", s.Profile(p0!)["event_count"]);
        Assert.Equal("1", s.Profile(p0!)["created_sequence"]);
    }

    [Fact]
    public void SharedDevice_QuarantinedPastMaxProfilesPerValue()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,,u1,dx,
            e2,2024-01-01T11:00:00Z,2024-01-01,,u2,dx,
            e3,2024-01-01T12:00:00Z,2024-01-01,,u3,dx,
            e4,2024-01-01T13:00:00Z,2024-01-01,,u4,dx,
            e5,2024-01-01T14:00:00Z,2024-01-01,,,dx,
            e6,2024-01-01T15:00:00Z,2024-01-01,,,00000000-0000-0000-0000-000000000000,
            """);
        s.StitchOk();
        var attribution = s.Attribution();
        Assert.Equal(4, new[] { "e1", "e2", "e3", "e4" }.Select(e => attribution[e]["dinmo_stitched_profile_id"]).Distinct().Count());
        Assert.Equal("anchor_conflict", attribution["e2"]["reason"]); // dx found u1's profile; u2 goes to its own
        var device = s.Values().Where(v => v["identifier"] == "device_id").ToList();
        Assert.Equal(4, device.Count);
        Assert.All(device, v => Assert.Equal("quarantined", v["status"]));
        Assert.Equal("excluded", attribution["e5"]["attribution_status"]);
        Assert.Equal("all_values_quarantined", attribution["e5"]["reason"]);
        Assert.Equal("all_values_blocked", attribution["e6"]["reason"]);
        Assert.Equal(4, s.Audit().Count(a => a["change_type"] == "value_quarantined"));
        Assert.Equal(4.0 / 6.0, s.Metric("stitch_rate"), 12);
    }

    [Fact]
    public void ThirdSessionId_DemotesTheOldestAndItNoLongerMatches()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,,u1,,s1
            e2,2024-01-01T11:00:00Z,2024-01-01,,u1,,s2
            e3,2024-01-01T12:00:00Z,2024-01-01,,u1,,s3
            e4,2024-01-01T13:00:00Z,2024-01-01,,,,s1
            """);
        s.StitchOk();
        var known = s.ProfileOf("e1");
        Assert.Equal(known, s.ProfileOf("e3"));
        var sessions = s.Values().Where(v => v["dinmo_stitched_profile_id"] == known && v["identifier"] == "session_id")
            .ToDictionary(v => v["value"]!, v => v["status"]);
        Assert.Equal("demoted", sessions["s1"]);
        Assert.Equal("active", sessions["s2"]);
        Assert.Equal("active", sessions["s3"]);
        Assert.NotEqual(known, s.ProfileOf("e4")); // a demoted value matches nothing
        Assert.Equal("created", s.Attribution()["e4"]["reason"]);
        Assert.Contains(s.Audit(), a => a["change_type"] == "value_demoted" && a["value"] == "s1" && a["event_key"] == "e3");
    }

    [Fact]
    public void ValuePastItsLifetime_StartsANewProfile()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,
            e2,2024-01-31T10:00:00Z,2024-01-31,a1,,,
            e3,2024-03-15T10:00:00Z,2024-03-15,a1,,,
            """);
        s.StitchOk();
        var first = s.ProfileOf("e1");
        Assert.Equal(first, s.ProfileOf("e2")); // 30 days after the last sighting: still within P30D
        Assert.NotEqual(first, s.ProfileOf("e3"));
        var a1 = s.Values().Where(v => v["value"] == "a1").ToDictionary(v => v["dinmo_stitched_profile_id"]!, v => v["status"]);
        Assert.Equal("expired", a1[first!]);
        Assert.Equal("active", a1[s.ProfileOf("e3")!]);
        Assert.Equal("inactive_lost_active", s.Profile(first!)["status"]);
        Assert.Contains(s.Audit(), a => a["change_type"] == "value_expired" && a["event_key"] == "e3");
    }

    [Theory]
    [InlineData("arrow")] // the state keeps a flag per output row: the output's "expired" stands for a stored "active"
    [InlineData("csv")] // the state keeps its own profile_values
    public void ValuePastItsLifetimeWhenARunEnds_StaysActiveInTheState_AndExpiresWhenSeenAgain(string firstFormat)
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,,,
            e2,2024-03-01T10:00:00Z,2024-03-01,a2,,,
            """, "_1");
        s.StitchOk("run-1", "--format", firstFormat); // a1 is shown expired (past P30D at the newest event) but stored active
        s.Events("""
            e3,2024-03-02T10:00:00Z,2024-03-02,a1,,,
            """, "_2");
        s.StitchOk("run-2");
        // Restored active, a1 expires when e3 sees it again: the expiry is audited, and e3 starts a new profile.
        Assert.Contains(s.Audit(), a => a["change_type"] == "value_expired" && a["event_key"] == "e3" && a["value"] == "a1");
        Assert.NotEqual(s.ProfileOf("e1"), s.ProfileOf("e3"));
        Assert.Equal("expired", s.Values().Single(v => v["value"] == "a1" && v["dinmo_stitched_profile_id"] == s.ProfileOf("e1"))["status"]);
    }

    [Fact]
    public void LateEventInALaterRun_JoinsItsProfileAndMovesFirstSeenBack()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-10T10:00:00Z,2024-01-10,a1,,,
            e2,2024-01-20T10:00:00Z,2024-01-20,a1,,,
            """, "_1");
        s.StitchOk("run-1");
        var profile = s.ProfileOf("e1")!;
        // Arrives with the 2024-01-20 load (its partition) but happened on 2024-01-05; an old-partition row is not read again.
        s.Events("""
            late,2024-01-05T08:00:00Z,2024-01-20,a1,,,
            old,2024-01-09T08:00:00Z,2024-01-09,a1,,,
            """, "_2");
        var run = s.StitchOk("run-2");
        Assert.Equal("incremental", run.Summary.GetProperty("mode").GetString());
        Assert.Equal(1, run.Summary.GetProperty("events_processed").GetInt64());
        Assert.Equal(2, run.Summary.GetProperty("events_skipped_partition_window").GetInt64()); // e1 and old
        Assert.Equal(1, run.Summary.GetProperty("events_skipped_already_processed").GetInt64()); // e2, in the last partition
        Assert.Equal(profile, s.ProfileOf("late"));
        Assert.Equal("stitched", s.Attribution()["late"]["attribution_status"]);
        Assert.Equal("run-2", s.Attribution()["late"]["run_id"]);
        Assert.Equal("2024-01-05T08:00:00Z", s.Profile(profile)["first_seen_at"]);
        Assert.Equal("3", s.Profile(profile)["event_count"]);
        Assert.False(s.Attribution().ContainsKey("old"));
    }

    [Fact]
    public void BadKeysAndTimestamps_AreExcludedWithTheirReasons()
    {
        using var s = new StitchScenario().Events("""
            d1,2024-01-01T10:00:00Z,2024-01-01,a1,,,
            d1,2024-01-01T11:00:00Z,2024-01-01,a2,,,
            ,2024-01-01T12:00:00Z,2024-01-01,a3,,,
            t1,yesterday,2024-01-01,a4,,,
            n1,2024-01-01T13:00:00Z,2024-01-01,,,,
            ok,1704114000,2024-01-01,A5 ,,,
            """);
        var run = s.StitchOk();
        var rows = s.Table("identity_event_profile_attribution");
        Assert.Equal("duplicate_primary_key", rows.Single(r => r["event_key"] == "d1")["reason"]);
        Assert.Equal("null_primary_key", rows.Single(r => r["event_key"] is null)["reason"]);
        Assert.Equal("invalid_timestamp", rows.Single(r => r["event_key"] == "t1")["reason"]);
        Assert.Equal("no_identifiers", rows.Single(r => r["event_key"] == "n1")["reason"]);
        var ok = rows.Single(r => r["event_key"] == "ok");
        Assert.Equal("stitched", ok["attribution_status"]);
        Assert.Equal("2024-01-01T13:00:00Z", ok["event_timestamp"]); // epoch seconds
        Assert.Contains(s.Values(), v => v["value"] == "a5"); // standardized: trim, lowercase
        var excluded = run.Summary.GetProperty("excluded");
        Assert.Equal(2, excluded.GetProperty("duplicate_primary_key").GetInt64());
        Assert.Equal(1, run.Summary.GetProperty("events_stitched").GetInt64());
        Assert.Equal(6, run.Summary.GetProperty("events_processed").GetInt64());
    }

    [Fact]
    public void WeakerValueOnAnotherUsersProfile_MergeRefusedAndEventGoesToItsOwnAnchor()
    {
        using var s = new StitchScenario().Events("""
            e1,2024-01-01T10:00:00Z,2024-01-01,a1,u1,,
            e2,2024-01-01T11:00:00Z,2024-01-01,a2,u2,,
            e3,2024-01-01T12:00:00Z,2024-01-01,a1,u2,,
            e4,2024-01-01T13:00:00Z,2024-01-01,a1,,,
            """);
        s.StitchOk();
        Assert.Equal(s.ProfileOf("e2"), s.ProfileOf("e3"));
        Assert.NotEqual(s.ProfileOf("e1"), s.ProfileOf("e3"));
        Assert.Equal("anchor_conflict", s.Attribution()["e3"]["reason"]);
        Assert.Equal("user_id", s.Attribution()["e3"]["matched_identifier"]);
        Assert.Contains(s.Audit(), a => a["change_type"] == "merge_refused" && a["event_key"] == "e3" && a["identifier"] == "anonymous_id");
        Assert.Empty(s.Redirects());
        Assert.Equal(s.ProfileOf("e2"), s.ProfileOf("e4")); // a1's latest sighting is on u2's profile
    }
}
