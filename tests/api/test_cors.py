"""CORS: the intranet origins listed in CORS_ALLOWED_ORIGINS may read /api/, nobody else, nothing else."""

import pytest

pytestmark = pytest.mark.django_db

INTRANET = "https://intranet.group-a.example.cn"


@pytest.fixture(autouse=True)
def _origins(settings):
    settings.CORS_ALLOWED_ORIGINS = [INTRANET]


def test_a_listed_origin_may_read_the_api(client, site):
    response = client.get("/api/v3/listings/", HTTP_ORIGIN=INTRANET)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == INTRANET
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_allows_the_bearer_token(client, site):
    response = client.options(
        "/api/v3/listings/instruments/",
        HTTP_ORIGIN=INTRANET,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert response["Access-Control-Allow-Origin"] == INTRANET
    assert "authorization" in response["Access-Control-Allow-Headers"].lower()


def test_other_origins_and_the_site_get_no_cors_headers(client, site):
    response = client.get("/api/v3/listings/", HTTP_ORIGIN="https://elsewhere.example.com")
    assert "Access-Control-Allow-Origin" not in response
    response = client.get("/", HTTP_ORIGIN=INTRANET)
    assert "Access-Control-Allow-Origin" not in response


def test_by_default_no_origin_is_allowed(client, site, settings):
    settings.CORS_ALLOWED_ORIGINS = []
    response = client.get("/api/v3/listings/", HTTP_ORIGIN=INTRANET)
    assert "Access-Control-Allow-Origin" not in response


def test_docs_and_document_are_served(client, site):
    document = client.get("/api/v3/openapi.json")
    assert document.status_code == 200
    paths = document.json()["paths"]
    assert "/api/v3/listings/instruments/{listing_id}/" in paths
    assert "/api/v3/pages/{page_id}/actions/submit/" in paths
    docs = client.get("/api/v3/docs/")
    assert docs.status_code == 200
    # Swagger UI from the site's own static files, not a CDN.
    assert b"cdn.jsdelivr" not in docs.content
