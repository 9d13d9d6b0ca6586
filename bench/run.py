"""Benchmark of the public pages: latency, queries and weight per page type.

Run with `make bench` after `make setup` (it uses the configured database and
its demo content). Speed is measured here, never in unit tests. It serves the
pages in-process through Django's test client, so it measures the
application (ORM, templates), not the network or a web server.

    python bench/run.py [--repeat 30] [--import-rows 1000] [--json out.json]

It ends with the bulk listing import (bench/imports.py): validation and write
of ``--import-rows`` instrument rows (0: skip) in a rolled-back transaction.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--import-rows", type=int, default=1000, help="rows of the import benchmark (0: skip)"
    )
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pages.models import (
        AchievementPage,
        EnterprisePage,
        ExperiencePage,
        NewsPage,
        NoticePage,
        TrendPage,
    )

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    urls = {
        "home zh": "/",
        "home en": "/en/",
        "news listing": "/news/",
        "news listing, page 2": "/news/?page=2",
        "news listing, filtered": "/news/?enterprise=group-a&year=2025",
        "notices listing": "/notices/",
        "enterprise index": "/enterprises/",
    }
    # Site search (search/): a short term, a term inside longer words, a mixed
    # query, a filtered and date-sorted query, page 2, and the English site.
    for label, query in [
        ("search 氢能", "q=氢能"),
        ("search 重点实验室", "q=重点实验室"),
        ("search 5G 基站", "q=5G+基站"),
        ("search 示例电科院 特高压", "q=示例电科院+特高压"),
        ("search filtered, by date", "q=储能&type=news&year=2025&sort=date"),
        ("search page 2", "q=示例&page=2"),
        ("search en", "q=hydrogen+storage"),
    ]:
        prefix = "/en/search/?" if label.endswith(" en") else "/search/?"
        urls[label] = prefix + quote(query, safe="=&+")
    for label, model in [
        ("news article", NewsPage),
        ("achievement article", AchievementPage),
        ("experience article", ExperiencePage),
        ("trend article", TrendPage),
        ("notice article", NoticePage),
        ("enterprise page", EnterprisePage),
    ]:
        page = model.objects.live().filter(locale__language_code="zh-hans").first()
        if page is None:
            sys.exit(f"No live {model.__name__}: run `make setup` first to load demo content.")
        urls[label] = page.url

    results = []
    print(f"{'page':28} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KB':>7}")
    for label, url in urls.items():
        client.get(url)  # warm caches and renditions
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        timings.sort()
        row = {
            "page": label,
            "url": url,
            "status": response.status_code,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
            "queries": len(queries),
            "html_kb": round(len(response.content) / 1024, 1),
        }
        results.append(row)
        print(
            f"{label:28} {row['status']:>6} {row['median_ms']:>10} {row['p95_ms']:>8} "
            f"{row['queries']:>8} {row['html_kb']:>7}"
        )

    if args.import_rows:
        from bench.imports import bench_import, print_rows

        imported = bench_import(args.import_rows)
        print_rows(imported)
        results.append({"page": f"import {args.import_rows:,} instruments", **imported})

    print(f"\nassets: {asset_weight(ROOT / 'static')}")
    print(f"database: {connection.vendor}, repeat={args.repeat}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2))


def asset_weight(static_dir):
    """Gzipped size of the site's own CSS and JS, the weight a reader downloads."""
    import gzip

    total = 0
    for path in list(static_dir.rglob("*.css")) + list(static_dir.rglob("*.js")):
        total += len(gzip.compress(path.read_bytes()))
    return f"{total / 1024:.1f} KB of CSS+JS (gzip)"


if __name__ == "__main__":
    main()
