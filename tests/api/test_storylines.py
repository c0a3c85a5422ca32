def test_storylines_list_biggest_first(client):
    rows = client.get("/api/storylines").json()["storylines"]
    assert rows[0]["id"] == "story-1"
    assert rows[0]["n_documents"] == 2
    assert {r["id"] for r in rows} == {"story-1", "story-2", "story-3"}


def test_storyline_holds_both_reports_dated_entries_in_order_undated_last(client):
    story = client.get("/api/storylines/story-1").json()
    assert {d["id"] for d in story["documents"]} == {"turkey-us", "khalilzad"}
    timeline = story["timeline"]
    dated = [e for e in timeline if not e["undated"]]
    assert [e["date"] for e in dated] == ["2021-04-11", "2021-04-12"]
    assert timeline[-1]["undated"] is True
    assert timeline[-1]["date"] is None  # never a guessed date
    assert timeline[-1]["sources"][0]["doc"] == "khalilzad"
    assert story["n_undated"] == 1


def test_storyline_entry_summary_and_evidence_link(client):
    timeline = client.get("/api/storylines/story-1/timeline").json()["timeline"]
    consult = next(e for e in timeline if e["plover"] == "CONSULT" and not e["undated"])
    assert consult["summary"] == (
        "Mevlut Cavusoglu (TUR GOV) CONSULT Antony Blinken (USA GOV) — phone call"
    )
    src = consult["sources"][0]
    doc = client.get(f"/api/documents/{src['doc']}").json()
    assert doc["text"][src["sentence_start"] : src["sentence_end"]] == src["sentence"]


def test_storyline_month_precision_event_keeps_its_range(client):
    timeline = client.get("/api/storylines/story-2/timeline").json()["timeline"]
    assert [e["date"] for e in timeline] == ["2021-05-10", "2021-05-11", "2021-06-01"]
    assert (timeline[-1]["precision"], timeline[-1]["date_end"]) == ("month", "2021-06-30")


def test_storyline_unknown_is_404(client):
    assert client.get("/api/storylines/story-99").status_code == 404
