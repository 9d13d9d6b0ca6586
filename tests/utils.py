"""Small helpers for reading responses the way a reader sees them."""

import html


def text_of(response):
    """The response body as text, with HTML entities decoded (``S&amp;T`` → ``S&T``)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return html.unescape(body.decode(response.charset or "utf-8"))


def page_ok(client, url, **params):
    """GET ``url`` and insist on a 200, naming the URL when it is not."""
    response = client.get(url, params)
    assert response.status_code == 200, (
        f"GET {url} {params or ''} answered {response.status_code}, expected 200"
    )
    return response
