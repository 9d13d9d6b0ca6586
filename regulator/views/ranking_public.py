"""The public 专利拥有情况排序 pages, served by routes of the 通知公告 section (NoticeIndexPage).

They read only what the regulator released: the snapshot of a ``RankingRelease``
that has not been withdrawn. Nothing here computes from the survey, so a draft,
an unreleased year or a report reopened after release never reaches a reader.
"""

from decimal import Decimal

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext

from ..charts import bar_chart
from ..ranking import (
    METRICS_BY_SLUG,
    Reason,
    format_value,
    public_releases,
    ranking_year_is_plausible,
    released_years,
)


def _english():
    return (get_language() or "").startswith("en")


def _name(chinese, english):
    """(name, lang): the English name on the English site when there is one, else the Chinese one
    marked as Chinese so that a screen reader reads it in the right voice."""
    if _english():
        return (english, None) if english else (chinese, "zh-Hans")
    return chinese, None


def rankings_of(snapshot):
    """The released rankings, ready for the template, in the reader's language."""
    rankings = []
    for released in snapshot.get("rankings", []):
        metric = METRICS_BY_SLUG.get(released.get("slug"))
        if metric is None:
            continue
        places = released.get("places", metric.places)
        rank_counts = {}
        for row in released["rows"]:
            if row["rank"] is not None:
                rank_counts[row["rank"]] = rank_counts.get(row["rank"], 0) + 1
        rows = []
        for row in released["rows"]:
            name, lang = _name(row["name"], row.get("name_en", ""))
            label, label_lang = _name(
                row.get("short_name") or row["name"],
                row.get("short_name_en") or row.get("name_en", ""),
            )
            value = Decimal(row["value"]) if row["value"] is not None else None
            reason = row.get("reason")
            rows.append(
                {
                    "rank": row["rank"],
                    "name": name,
                    "lang": lang,
                    "label": label,
                    "label_lang": label_lang,
                    "value": value,
                    "value_text": format_value(value, places),
                    "reason": Reason(reason).label if reason in Reason.values else "",
                    "tied": row["rank"] is not None and rank_counts[row["rank"]] > 1,
                }
            )
        rankings.append(
            {
                "metric": metric,
                "rows": rows,
                "chart": bar_chart(
                    [
                        (row["label"], row["value"], row["label_lang"])
                        for row in rows
                        if row["rank"] is not None
                    ],
                    title=metric.title,
                    unit=metric.unit,
                    places=places,
                    chart_id=f"chart-{metric.slug}",
                ),
            }
        )
    return rankings


def _crumbs(request, page, year=None):
    index_url = page.get_url(request) + page.reverse_subpage("patent_ranking")
    crumbs = [
        (gettext("首页"), page.get_parent().get_url(request)),
        (page.title, page.get_url(request)),
        (gettext("专利拥有情况排序"), index_url),
    ]
    if year is not None:
        crumbs.append(
            (
                gettext("%(year)s 年度") % {"year": year},
                index_url + f"{year}/",
            )
        )
    return crumbs, index_url


def ranking_index(request, page):
    """The released years, newest first; 404 while none is released."""
    releases = list(public_releases().order_by("-survey__year").only("released_at", "survey__year"))
    if not releases:
        raise Http404
    crumbs, index_url = _crumbs(request, page)
    context = page.get_context(request)
    context.update(
        {
            "releases": releases,
            "index_url": index_url,
            "crumbs": crumbs,
        }
    )
    return TemplateResponse(request, "pages/patent_ranking_index.html", context)


def ranking_year(request, page, *, year):
    """One released year's four rankings, as the regulator released them."""
    if not ranking_year_is_plausible(year):  # a huge number would overflow the column
        raise Http404
    release = public_releases().filter(survey__year=year).first()
    if release is None:
        raise Http404
    snapshot = release.snapshot or {}
    crumbs, index_url = _crumbs(request, page, year)
    context = page.get_context(request)
    context.update(
        {
            "release": release,
            "year": year,
            "snapshot": snapshot,
            # The regulator writes the note in Chinese.
            "note_lang": "zh-Hans" if _english() else None,
            "rankings": rankings_of(snapshot),
            "other_years": [y for y in released_years() if y != year],
            "index_url": index_url,
            "crumbs": crumbs,
        }
    )
    return TemplateResponse(request, "pages/patent_ranking.html", context)
