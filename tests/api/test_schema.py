"""schemathesis over the API's own OpenAPI document: no 5xx and no response outside its schema.

Runs in-process through the WSGI handler (offline), a few generated cases per
operation: anonymous over every operation, and with an editor's token over
the listing endpoints, whose writes go through the admin's form. Wagtail's
generic snippet endpoints are left out: no snippet model declares
``api_fields``, so they serve no type (``test_write.py`` keeps it that way). Status codes
are not checked against the document: Wagtail's operations do not declare
their 401/404/422 problem responses.
"""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.core.serializers.json import DjangoJSONEncoder
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance
from wagtail.models import APIToken

from api.mount import get_api
from tests.factories import EnterpriseFactory, TechFieldFactory, make_listing

CHECKS = [not_a_server_error, response_schema_conformance]
EXAMPLES = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)

# Generated cases only: the coverage phase enumerates every boundary of every
# parameter, minutes for a document of this size.
CONFIG = SchemathesisConfig()
CONFIG.projects.default.phases.update(phases=["examples", "fuzzing"])
CONFIG.projects.default.generation.update(database="none")
# The document as served (lazy translations rendered), read once for every operation.
schema = schemathesis.openapi.from_dict(
    json.loads(json.dumps(get_api().get_openapi_schema(), cls=DjangoJSONEncoder)), config=CONFIG
)
schema.app = WSGIHandler()


@pytest.fixture
def _keep_the_test_connection():
    """Requests go straight to the WSGI handler, which closes the database connection after each
    response; Django's test client suspends that, and so does this (the test's transaction lives on it)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def content(db, _keep_the_test_connection):
    """A little public content, so that detail and filter cases can find something."""
    enterprise = EnterpriseFactory(code="a1", name="示例能源第一研究院", short_name="能源一院")
    field = TechFieldFactory(name="分析测试", slug="analysis")
    for kind in ("instrument", "expert", "result", "job"):
        make_listing(kind, enterprise, tech_fields=[field])
    return enterprise


@pytest.fixture
def editor_token(content, django_user_model):
    from workflows.models import EnterpriseRole
    from workflows.provisioning import provision_enterprise

    provisioned = provision_enterprise(enterprise=content, translate=False)
    user = django_user_model.objects.create_user("a1_editor", password="x-pass-2026")
    user.groups.add(provisioned.groups[EnterpriseRole.Role.EDITOR])
    return APIToken.create_token(user=user, name="schemathesis")[1]


# One pytest item per operation, rather than schemathesis' lazy ``parametrize()``: its
# operations run as subtests, whose failures pytest-xdist's grouped scheduling (make test)
# drops without a word. Items are also spread over the workers and named in --durations.
ANONYMOUS = [result.ok() for result in schema.exclude(tag="snippets").get_all_operations()]
WITH_TOKEN = [result.ok() for result in schema.include(tag="listings").get_all_operations()]


def run_cases(operation, **call):
    @EXAMPLES
    @given(case=operation.as_strategy())
    def check(case):
        case.call_and_validate(checks=CHECKS, **call)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("operation", ANONYMOUS, ids=lambda operation: operation.label)
def test_anonymous(operation, content):
    run_cases(operation)


@pytest.mark.django_db
@pytest.mark.parametrize("operation", WITH_TOKEN, ids=lambda operation: operation.label)
def test_editor_token_on_listings(operation, editor_token):
    run_cases(operation, headers={"Authorization": f"Bearer {editor_token}"})
