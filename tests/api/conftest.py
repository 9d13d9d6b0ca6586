"""Fixtures of the API tests: bearer tokens, a JSON client, the provisioned world and its listings."""

import json

import pytest
from wagtail.models import APIToken

from tests.snippets.listing_world import listings, listings_built  # noqa: F401  (fixtures)
from tests.workflows.conftest import world, world_built  # noqa: F401  (fixtures)


@pytest.fixture
def token_for():
    """``token_for(user)``: a fresh bearer token of ``user`` (plaintext), as the admin issues one."""

    def make(user, name="内网同步"):
        _instance, plaintext = APIToken.create_token(user=user, name=name)
        return plaintext

    return make


class Api:
    """The Django test client speaking JSON to /api/v3/, with an optional bearer token."""

    def __init__(self, client, token=None):
        self.client = client
        self.token = token

    def _headers(self):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path, params=None):
        return self.client.get(f"/api/v3/{path}", params or {}, **self._headers())

    def _send(self, method, path, body):
        return getattr(self.client, method)(
            f"/api/v3/{path}",
            data=json.dumps(body) if not isinstance(body, str) else body,
            content_type="application/json",
            **self._headers(),
        )

    def post(self, path, body=None):
        return self._send("post", path, {} if body is None else body)

    def patch(self, path, body=None):
        return self._send("patch", path, {} if body is None else body)


@pytest.fixture
def api(client):
    """Anonymous."""
    return Api(client)


@pytest.fixture
def api_as(client, token_for):
    """``api_as(user)``: the API with that user's token."""

    def make(user):
        return Api(client, token_for(user))

    return make
