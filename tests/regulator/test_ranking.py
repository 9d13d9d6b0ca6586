"""The ranking rules on constructed data: order, ties (1, 2, 2, 4), missing values, each computation.

No database: ``rank`` takes plain entries, as the regulator's and the public
pages hand it what they read.
"""

from decimal import Decimal

from regulator.charts import bar_chart
from regulator.ranking import (
    Entry,
    Reason,
    format_value,
    invention_patents_owned,
    invention_patents_per_hundred_rd_staff,
    patents_growth,
    patents_owned,
    rank,
)

D = Decimal


def entry(code, order=100, *, status="accepted", **values):
    values = {k: (None if v is None else D(v)) for k, v in values.items()}
    return Entry(code=code, name=f"{code}集团", sort_order=order, status=status, **values)


def table(rows):
    return [(row.rank, row.entry.code, row.value, row.reason) for row in rows]


def test_highest_first_and_ranks_count_up():
    rows = rank(
        [entry("a", patents_owned=10), entry("b", patents_owned=30), entry("c", patents_owned=20)],
        key=patents_owned,
    )
    assert table(rows) == [(1, "b", 30, None), (2, "c", 20, None), (3, "a", 10, None)]
    assert not any(row.tied for row in rows)


def test_equal_values_share_a_rank_and_the_next_rank_skips():
    rows = rank(
        [
            entry("d", 4, patents_owned=5),
            entry("c", 3, patents_owned=20),
            entry("b", 2, patents_owned=20),
            entry("a", 1, patents_owned=30),
        ],
        key=patents_owned,
    )
    # 1, 2, 2, 4 — and within the tie the enterprises' own order (b before c).
    assert table(rows) == [
        (1, "a", 30, None),
        (2, "b", 20, None),
        (2, "c", 20, None),
        (4, "d", 5, None),
    ]
    assert [row.tied for row in rows] == [False, True, True, False]


def test_ties_follow_sort_order_then_code_whatever_the_input_order():
    entries = [
        entry("z", 1, patents_owned=7),
        entry("b", 2, patents_owned=7),
        entry("a", 2, patents_owned=7),
    ]
    for ordering in (entries, entries[::-1], [entries[1], entries[0], entries[2]]):
        assert [row.entry.code for row in rank(ordering, key=patents_owned)] == ["z", "a", "b"]


def test_all_tied_are_all_first():
    rows = rank([entry(c, patents_owned=3) for c in "abc"], key=patents_owned)
    assert [row.rank for row in rows] == [1, 1, 1]
    assert all(row.tied for row in rows)


def test_zero_is_a_value_and_ranks():
    rows = rank([entry("a", patents_owned=0), entry("b", patents_owned=1)], key=patents_owned)
    assert table(rows) == [(1, "b", 1, None), (2, "a", 0, None)]


def test_groups_without_a_value_come_last_without_rank_with_the_reason():
    rows = rank(
        [
            entry("no-report", 1, status=None),
            entry("draft", 2, status="draft"),
            entry("awaiting-group", 3, status="group_review"),
            entry("submitted", 4, status="submitted", patents_owned=999),
            entry("returned", 5, status="returned", patents_owned=999),
            entry("empty", 6, patents_owned=None),
            entry("ranked", 7, patents_owned=1),
        ],
        key=patents_owned,
    )
    assert table(rows) == [
        (1, "ranked", 1, None),
        (None, "no-report", None, Reason.NO_REPORT),
        (None, "draft", None, Reason.NO_REPORT),
        (None, "awaiting-group", None, Reason.NO_REPORT),
        (None, "submitted", None, Reason.NOT_ACCEPTED),
        (None, "returned", None, Reason.NOT_ACCEPTED),
        (None, "empty", None, Reason.MISSING),
    ]
    assert [str(row.reason_label) for row in rows[1:]] == [
        "未报送",
        "未报送",
        "未报送",
        "未接收",
        "未接收",
        "数据缺失",
    ]


def test_a_report_sent_back_by_its_own_group_reviewer_was_never_sent_so_it_is_not_reported():
    """已退回 by the group's reviewer never reached the regulator: 未报送, not 未接收."""

    def returned(code, order, last_return):
        return Entry(
            code=code,
            name=f"{code}集团",
            sort_order=order,
            status="returned",
            last_return=last_return,
        )

    rows = rank(
        [
            returned("by-the-group", 1, "group_return"),
            returned("by-the-regulator", 2, "return"),
            returned("reopened", 3, "reopen"),
        ],
        key=patents_owned,
    )
    assert [(row.entry.code, str(row.reason_label)) for row in rows] == [
        ("by-the-group", "未报送"),
        ("by-the-regulator", "未接收"),
        ("reopened", "未接收"),
    ]


def test_nobody_with_a_value_leaves_nobody_ranked():
    rows = rank([entry("a", status=None), entry("b", status="draft")], key=patents_owned)
    assert [row.rank for row in rows] == [None, None]
    assert rank([], key=patents_owned) == []


def test_invention_patents_rank_on_their_own_indicator():
    rows = rank(
        [
            entry("a", patents_owned=100, invention_patents_owned=10),
            entry("b", patents_owned=50, invention_patents_owned=40),
        ],
        key=invention_patents_owned,
    )
    assert table(rows) == [(1, "b", 40, None), (2, "a", 10, None)]


def test_per_hundred_rd_staff_rounds_half_up_to_two_places_before_ranking():
    per = invention_patents_per_hundred_rd_staff
    assert per(entry("a", invention_patents_owned=600, rd_staff=4000)) == D("15.00")
    # 1 / 3 × 100 = 33.333… → 33.33; 2 / 3 × 100 = 66.666… → 66.67
    assert per(entry("a", invention_patents_owned=1, rd_staff=3)) == D("33.33")
    assert per(entry("a", invention_patents_owned=2, rd_staff=3)) == D("66.67")
    # 0.125 → 12.50 exactly; 1 / 8000 × 100 = 0.0125 → 0.01 (half up)
    assert per(entry("a", invention_patents_owned=1, rd_staff=8000)) == D("0.01")
    # Two values equal once rounded share a rank, as readers see them equal.
    rows = rank(
        [
            entry("a", 1, invention_patents_owned=100001, rd_staff=300000),  # 33.3336…
            entry("b", 2, invention_patents_owned=1, rd_staff=3),  # 33.333…
        ],
        key=per,
    )
    assert [(row.rank, row.value) for row in rows] == [(1, D("33.33")), (1, D("33.33"))]


def test_per_hundred_rd_staff_without_rd_staff_is_not_ranked():
    per = invention_patents_per_hundred_rd_staff
    assert per(entry("a", invention_patents_owned=10, rd_staff=0)) == Reason.NO_RD_STAFF
    assert per(entry("a", invention_patents_owned=10, rd_staff=None)) == Reason.NO_RD_STAFF
    assert per(entry("a", invention_patents_owned=None, rd_staff=10)) == Reason.MISSING
    assert per(entry("a", status="submitted", invention_patents_owned=1, rd_staff=1)) == (
        Reason.NOT_ACCEPTED
    )


def test_growth_against_last_year_in_per_cent_to_one_place():
    growth = patents_growth
    up = entry("a", patents_owned=1200, previous_accepted=True, previous_patents_owned=1000)
    assert growth(up) == D("20.0")
    down = entry("b", patents_owned=900, previous_accepted=True, previous_patents_owned=1000)
    assert growth(down) == D("-10.0")
    third = entry("c", patents_owned=4, previous_accepted=True, previous_patents_owned=3)
    assert growth(third) == D("33.3")
    flat = entry("d", patents_owned=7, previous_accepted=True, previous_patents_owned=7)
    assert growth(flat) == D("0.0")
    rows = rank([down, flat, up, third], key=growth)
    assert table(rows) == [
        (1, "c", D("33.3"), None),
        (2, "a", D("20.0"), None),
        (3, "d", D("0.0"), None),
        (4, "b", D("-10.0"), None),
    ]


def test_growth_needs_an_accepted_nonzero_previous_year():
    growth = patents_growth
    assert growth(entry("a", patents_owned=10)) == Reason.NO_PREVIOUS
    # Last year's report existed but was never accepted: its value does not count.
    assert (
        growth(entry("a", patents_owned=10, previous_accepted=False, previous_patents_owned=5))
        == Reason.NO_PREVIOUS
    )
    assert (
        growth(entry("a", patents_owned=10, previous_accepted=True, previous_patents_owned=None))
        == Reason.NO_PREVIOUS
    )
    assert (
        growth(entry("a", patents_owned=10, previous_accepted=True, previous_patents_owned=0))
        == Reason.ZERO_PREVIOUS
    )
    assert (
        growth(entry("a", patents_owned=None, previous_accepted=True, previous_patents_owned=5))
        == Reason.MISSING
    )
    # This year not accepted comes first: the reader learns it was not reported.
    assert (
        growth(entry("a", status=None, previous_accepted=True, previous_patents_owned=5))
        == Reason.NO_REPORT
    )


def test_values_are_shown_with_grouping_at_the_metrics_places():
    assert format_value(D("1234567"), 0) == "1,234,567"
    assert format_value(D("15"), 2) == "15.00"
    assert format_value(D("-10.0"), 1) == "-10.0"
    assert format_value(None, 1) == ""


def test_bar_chart_names_itself_and_draws_one_bar_per_value():
    html = bar_chart(
        [("甲", D(30)), ("乙", D(10)), ("丙", None)], title="拥有有效专利数", unit="件", places=0
    )
    assert 'role="img"' in html and "aria-labelledby" in html and "aria-describedby" in html
    assert "拥有有效专利数" in html
    assert "最高为甲（30 件）" in html and "最低为乙（10 件）" in html
    assert "丙" not in html  # no value, no bar: the table says why
    assert "<script" not in html
    assert "width:100.00%" in html and "width:33.33%" in html


def test_bar_chart_escapes_labels_limits_bars_and_draws_negatives_left_of_zero():
    html = bar_chart(
        [("<b>甲</b>", D(10)), ("乙", D(-10)), ("丙", D(5))], title="增长率", unit="%", max_bars=2
    )
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "丙" not in html.split("figcaption")[0]
    assert "图中显示前 2 项，共 3 项" in html
    assert "left:50.00%" in html and "left:0.00%" in html  # zero in the middle
    assert "-10%" in html
    assert bar_chart([("甲", None)], title="空") == ""
