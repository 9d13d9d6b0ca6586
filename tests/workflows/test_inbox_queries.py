"""The reviewer's dashboard inbox: what it costs as the pile of work grows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_listing
from workflows.submission import submit_for_review


def dashboard_queries(client):
    client.get("/admin/")  # warm: site, locales, menus
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def submit(org, count, start=0):
    listings = [
        make_listing("instrument", org.a1, title=f"待审仪器{n}", live=False)
        for n in range(start, start + count)
    ]
    submit_for_review(listings, org.a1_editor)


def test_each_waiting_item_costs_the_dashboard_a_few_queries_not_a_dozen(org, client):
    client.force_login(org.groupa_reviewer)
    submit(org, 2)
    few, html = dashboard_queries(client)
    assert "待审仪器1" in html
    submit(org, 6, start=2)
    many, html = dashboard_queries(client)
    assert "待审仪器7" in html

    # Wagtail's panel asks each row's workflow state and tasks itself (about
    # four queries); ours: whether the reviewer submitted or last edited it.
    # Reviewer roles and enterprise groups are read once per request.
    per_item = (many - few) / 6
    assert per_item <= 5, f"{per_item:.1f} queries per waiting item"
    assert few <= 45
