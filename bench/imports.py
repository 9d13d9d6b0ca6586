"""Benchmark of the bulk listing import (首次登写): read, validation and write of N instrument rows.

Uses the configured database and its demo content (`make setup`: the
account ``a1_editor`` of 能源一院). The write runs in a transaction that is
rolled back at the end, so the database is left as it was and no mail is
sent. Run on its own, or as part of `bench/run.py`:

    python bench/imports.py [--rows 1000] [--bad-last] [--profile out.prof] [--json out.json]

``--bad-last`` makes the last row invalid (the import then stops after the
validation, as a file with one mistake does); ``--profile`` writes cProfile
statistics of the validation and write phases for ``python -m pstats``.
"""

import argparse
import io
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

TITLE_PREFIX = "基准测试扫描电镜"


class _Rollback(Exception):
    pass


class QueryCounter:
    """Counts the queries run on ``connection`` within the block (no log, no limit)."""

    def __init__(self, connection):
        self.connection = connection
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = self.connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)

    def __len__(self):
        return self.count


def instrument_row(i, year):
    return {
        "仪器名称": f"{TITLE_PREFIX}{i:05d}",
        "简介": "面向集团内外开放共享的场发射扫描电镜，可开展材料微观形貌观察与成分分析。",
        "技术领域1": "新材料",
        "所在地区": "北京市",
        "仪器类别": "分析仪器",
        "规格型号": "SU8010",
        "生产厂商": "示例仪器制造有限公司",
        "产地": "日本",
        "原值（万元）": 320.5,
        "购置年份": 2018,
        "放置地点": "北京市海淀区示例科技园3号楼",
        "主要技术指标": "-40℃~85℃环境下分辨率1 nm",
        "主要功能": "材料微观形貌观察与成分分析。",
        "共享方式": "委托检测、合作研究",
        "收费方式": "成本价收费",
        "开放时间": "工作日9:00–17:00，需提前3个工作日预约。",
        "联系人": "王工",
        "联系电话": "010-12345678",
        "电子邮箱": "wang@example.cn",
        "有效期至": f"{year}年6月30日",
    }


def instrument_file(column_set, rows, *, bad_last=False):
    """An .xlsx of ``rows`` instrument rows in the user's template columns (write-only: fast)."""
    from django.utils import timezone
    from openpyxl import Workbook

    from snippets.models import TechField

    year = timezone.localdate().year + 1
    field_name = TechField.objects.order_by("sort_order").values_list("name", flat=True).first()
    labels = [c.label for c in column_set.columns]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("填报")
    ws.append([c.header for c in column_set.columns])
    ws.append([c.help_row_text() for c in column_set.columns])
    for i in range(rows):
        values = instrument_row(i, year)
        values["技术领域1"] = field_name
        if bad_last and i == rows - 1:
            values["所在地区"] = "火星"
        ws.append([values.get(label) for label in labels])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def bench_import(rows=1000, *, username="a1_editor", bad_last=False, profile=None):
    """Times and query counts of one import of ``rows`` instruments, rolled back; a dict."""
    import cProfile

    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.utils import translation

    from snippets.models import LISTING_MODEL_BY_KIND
    from snippets.xlsx.columns import ColumnSet
    from snippets.xlsx.importer import import_enterprises, validate_rows, write_listings
    from snippets.xlsx.reader import read_workbook

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        sys.exit(f"No user {username}: run `make setup` first to load demo content.")
    model = LISTING_MODEL_BY_KIND["instrument"]
    profiler = cProfile.Profile() if profile else None
    result = {"rows": rows, "bad_last": bad_last, "database": connection.vendor}
    with translation.override("zh-hans"):
        column_set = ColumnSet(model, import_enterprises(user))
        data = instrument_file(column_set, rows, bad_last=bad_last)

        start, cpu = time.perf_counter(), time.process_time()
        sheet = read_workbook(data, "基准.xlsx", column_set)
        result["read_s"] = round(time.perf_counter() - start, 2)
        result["read_cpu_s"] = round(time.process_time() - cpu, 2)

        try:
            with transaction.atomic():
                with QueryCounter(connection) as queries:
                    start, cpu = time.perf_counter(), time.process_time()
                    if profiler:
                        profiler.enable()
                    prepared, errors = validate_rows(sheet.rows, user, column_set)
                    if profiler:
                        profiler.disable()
                    result["validate_s"] = round(time.perf_counter() - start, 2)
                    result["validate_cpu_s"] = round(time.process_time() - cpu, 2)
                result["validate_queries"] = len(queries)
                result["errors"] = len(errors)
                if not errors:
                    with QueryCounter(connection) as queries:
                        start, cpu = time.perf_counter(), time.process_time()
                        if profiler:
                            profiler.enable()
                        created = write_listings(prepared, user)
                        if profiler:
                            profiler.disable()
                        result["write_s"] = round(time.perf_counter() - start, 2)
                        result["write_cpu_s"] = round(time.process_time() - cpu, 2)
                    result["write_queries"] = len(queries)
                    result["written"] = len(created)
                raise _Rollback
        except _Rollback:
            pass
    if profiler:
        profiler.dump_stats(profile)
    per_row = (result.get("validate_queries", 0) + result.get("write_queries", 0)) / max(rows, 1)
    result["queries_per_row"] = round(per_row, 2)
    result["total_s"] = round(
        result["read_s"] + result.get("validate_s", 0) + result.get("write_s", 0), 2
    )
    return result


def print_rows(result):
    """Rows in the table format of bench/run.py: wall and CPU seconds, queries."""
    label = f"import {result['rows']:,} instruments"
    if result["bad_last"]:
        label += " (last row bad)"
    print(f"\n{label:44} {'s':>8} {'cpu s':>8} {'queries':>8}")
    print(f"{'  read the file':44} {result['read_s']:>8} {result['read_cpu_s']:>8}")
    print(
        f"{'  validate':44} {result['validate_s']:>8} {result['validate_cpu_s']:>8} "
        f"{result['validate_queries']:>8}"
    )
    if "write_s" in result:
        print(
            f"{'  write (drafts, revisions, review, index)':44} {result['write_s']:>8} "
            f"{result['write_cpu_s']:>8} {result['write_queries']:>8}"
        )
    else:
        print(f"{'  write':44} {'-':>8} {'-':>8}   ({result['errors']} error(s): nothing written)")
    print(f"{'  total':44} {result['total_s']:>8}")
    print(f"{'  queries per row':44} {result['queries_per_row']:>8}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--user", default="a1_editor")
    parser.add_argument("--bad-last", action="store_true", help="make the last row invalid")
    parser.add_argument("--profile", help="write cProfile statistics to this file")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    import django

    django.setup()
    result = bench_import(
        args.rows, username=args.user, bad_last=args.bad_last, profile=args.profile
    )
    print_rows(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
