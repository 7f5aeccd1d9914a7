"""The OpenAPI document is generated from the code and valid OpenAPI 3."""

from openapi_spec_validator import validate


def test_document_validates(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    validate(response.get_json())


def test_document_lists_the_endpoints_and_their_errors(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/me" in spec["paths"]
    role = spec["paths"]["/api/v1/users/{user_id}/role"]["put"]
    assert {"401", "403", "404", "409", "422"} <= set(role["responses"])
    assert role["security"] == [{"bearerAuth": []}]
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_document_needs_no_token(client):
    assert client.get("/api/v1/openapi.json").status_code == 200
