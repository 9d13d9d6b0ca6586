"""``python manage.py evaluate_search``: recall@10 and MRR on the labelled queries."""

from collections import defaultdict

from django.core.management.base import BaseCommand

from search.evaluation import DEFAULT_FILE, evaluate, load_queries


class Command(BaseCommand):
    help = (
        "用标注查询集评估站内搜索，输出 recall@10 和 MRR。需要 seed_demo 的演示数据。 "
        "Evaluate site search on the labelled queries (needs the demo content of seed_demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEFAULT_FILE), help="labelled queries (JSON)")
        parser.add_argument("-k", type=int, default=10, help="results considered (default 10)")

    def handle(self, *args, **options):
        k = options["k"]
        evaluation = evaluate(load_queries(options["file"]), k=k)
        write = self.stdout.write
        by_kind = defaultdict(list)
        for result in evaluation.results:
            by_kind[result.kind].append(result)
            if result.missed:
                write(
                    f"MISS {result.query!r} ({result.language}, {result.kind}): "
                    f"found {len(result.found)}/{len(result.targets)}; missing "
                    + "; ".join(result.missed)
                )
        write("")
        for kind, results in sorted(by_kind.items()):
            recall = sum(r.recall for r in results) / len(results)
            write(f"  {kind:<11} {len(results):>3} queries  recall@{k} {recall:.3f}")
        write(
            f"{len(evaluation.results)} queries  recall@{k} {evaluation.recall_at_10:.3f}  "
            f"MRR {evaluation.mrr:.3f}"
        )
