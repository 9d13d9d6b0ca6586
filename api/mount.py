"""The headless API: Wagtail 8's API v3 (Django Ninja) with the platform's endpoints, at /api/v3/.

Wagtail builds one ``NinjaAPI`` (``wagtail.api.v3.api.api``) with its pages,
sites, schema and whoami routers, its OpenAPI document (``openapi.json``), the
Swagger docs page (``docs/``) and RFC 7807 error responses. Its routers are
attached to that object when the module is imported, so the platform adds its
own to the same object rather than building a second API; Ninja accepts them
until ``api.urls`` is first read (config/urls.py), which is after every app's
``ready()``.

Authentication is Wagtail's: ``Authorization: Bearer <token>`` against
``APIToken`` digests (``BearerTokenAuth``); read endpoints also answer
anonymous requests, and a session cookie never counts (``AllowAnonymous``
resets the user), so a browser logged in to the admin reads only what anyone
reads.
"""

_installed = False


def install():
    global _installed
    if _installed:
        return
    _installed = True

    from wagtail import hooks

    from . import media, pages

    # Idempotent; ApiConfig.ready() has done it unless the app is not installed.
    pages.expose_article_fields()
    # The listing write schemas are built from the snippet editors' forms.
    hooks.search_for_hooks()

    from wagtail.api.v3.api import api
    from wagtail.api.v3.routers import pages as wagtail_pages

    pages.scope_page_queryset(wagtail_pages)
    pages.refuse_publication(wagtail_pages)
    media.scope_media()

    from .bounds import bounded_integers
    from .catalogue import enterprises_router, search_router, tech_fields_router
    from .listings import register_conflict_handler
    from .listings import router as listings_router

    api.title = "中央企业技术创新信息平台 API"
    api.description = (
        "Wagtail API v3 的页面接口，加上资源共享与供求信息、企业、技术领域和全站检索。"
        "匿名请求只读到公开内容；写入须 Authorization: Bearer 令牌，权限与后台相同，"
        "只能保存草稿和提交审核，不能发布。"
    )
    api.add_router("/pages/", pages.submit_router)
    api.add_router("/listings/", listings_router)
    api.add_router("/enterprises/", enterprises_router)
    api.add_router("/tech-fields/", tech_fields_router)
    api.add_router("/search/", search_router)
    register_conflict_handler(api)
    # Every operation, Wagtail's too: a path id past 64 bits is a 404, an offset a 422.
    api.add_decorator(bounded_integers)


def get_api():
    from wagtail.api.v3.api import api

    install()
    return api
