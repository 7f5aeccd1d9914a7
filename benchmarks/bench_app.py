"""The WSGI target the benchmarks serve: Peerdesk plus one bare endpoint for the baseline."""

from wsgi import app


@app.get("/_bench/bare")
def bare():
    return "ok"
