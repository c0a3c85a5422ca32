def test_documents_list_oldest_first_undated_last(client):
    docs = client.get("/api/documents").json()["documents"]
    assert [d["id"] for d in docs] == ["turkey-us", "hostile", "gaza", "khalilzad"]
    assert "text" not in docs[0]  # lists stay light


def test_documents_search_matches_text_and_title(client):
    found = client.get("/api/documents", params={"q": "khalilzad"}).json()["documents"]
    assert [d["id"] for d in found] == ["khalilzad"]
    found = client.get("/api/documents", params={"q": "useful call"}).json()["documents"]
    assert [d["id"] for d in found] == ["turkey-us"]


def test_document_has_events_quotes_and_spans(client):
    doc = client.get("/api/documents/turkey-us").json()
    assert doc["text"].startswith("Top diplomats")
    assert sorted(e["id"] for e in doc["events"]) == ["turkey-us:e0", "turkey-us:e1"]
    assert [q["id"] for q in doc["quotes"]] == ["turkey-us:q0"]
    kinds = {(s["kind"], doc["text"][s["start"] : s["end"]]) for s in doc["spans"]}
    assert ("trigger", "phone call") in kinds
    assert ("source", "Mevlut Cavusoglu") in kinds
    assert ("target", "Antony Blinken") in kinds
    assert ("time", "Monday") in kinds
    assert ("quote", "It was a useful call,") in kinds
    assert ("speaker", "Cavusoglu") in kinds


def test_document_paging_limits_rows(client):
    page = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert [d["id"] for d in page["documents"]] == ["hostile", "gaza"]
