"""``/favicon.ico``, asked for by clients that never read the page's icon link."""


def test_the_icon_is_served_where_clients_look_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml" and b"<svg" in response.data
    assert "public" in response.headers["Cache-Control"]
