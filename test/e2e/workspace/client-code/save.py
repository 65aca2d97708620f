# Fixture for etag-guard's real-VS-Code tests: an unguarded write in Python (requests, no If-Match).
import requests


def rename(url, name):
    current = requests.get(url)
    etag = current.headers["ETag"]
    return requests.put(url, json={"name": name})
