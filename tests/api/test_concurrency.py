from concurrent.futures import ThreadPoolExecutor


def test_parallel_requests_share_one_store_safely(client):
    paths = ["/api/events", "/api/storylines/story-1", "/api/dyads", "/api/documents/gaza"] * 10
    expected = {p: client.get(p).json() for p in set(paths)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda p: (p, client.get(p)), paths))
    for path, r in results:
        assert r.status_code == 200
        assert r.json() == expected[path]
