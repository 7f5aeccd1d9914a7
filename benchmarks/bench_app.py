"""The WSGI target the benchmarks serve: Peerdesk plus one bare endpoint for the baseline."""

from app import create_app

app = create_app()


@app.get("/_bench/bare")
def bare():
    return "ok"
