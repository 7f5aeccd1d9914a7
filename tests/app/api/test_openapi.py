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


def operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield path, method, operation


def test_every_error_response_is_documented_as_problem_details(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for path, method, operation in operations(spec):
        for status, response in operation["responses"].items():
            if not status.startswith(("2", "3")):
                assert list(response["content"]) == ["application/problem+json"], (
                    method, path, status)
        assert {"400", "429", "default"} <= operation["responses"].keys(), (method, path)


def test_every_link_names_an_operation_and_its_parameters(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    by_id = {operation["operationId"]: (path, operation)
             for path, _method, operation in operations(spec)}
    links = [link for _path, _method, operation in operations(spec)
             for response in operation["responses"].values()
             for link in response.get("links", {}).values()]
    assert len(links) >= 20
    for link in links:
        path, _operation = by_id[link["operationId"]]
        for name, expression in link["parameters"].items():
            assert f"{{{name}}}" in path and expression.startswith("$response.body#/")


def test_the_ids_a_new_reply_returns_lead_to_accepting_and_promoting_it(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    created = spec["paths"]["/api/v1/threads/{thread_id}/posts"]["post"]["responses"]["201"]
    assert {"postAccept", "postPromote"} <= created["links"].keys()
    assert created["links"]["postAccept"]["parameters"] == {"post_id": "$response.body#/id"}


def test_text_a_client_sends_is_documented_without_nul_characters(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    body = spec["components"]["schemas"]["NewPost"]["properties"]["body"]
    assert body["pattern"] == "^[^\\u0000]*$"
