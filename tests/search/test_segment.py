"""Segmentation: what is indexed and what is asked meet as the same words."""

import pytest

from search import dictionary
from search.models import SearchTerm
from search.segment import highlight_words, index_text, query_words

# Segmenting reads the dictionary, which includes enterprise names from the database
# (and so must run in pytest-django's database group, before the browser tests start
# Playwright's event loop).
pytestmark = pytest.mark.django_db


def test_a_chinese_query_is_asked_as_words():
    assert query_words("特高压直流换流阀") == ["特高压直流", "换流阀"]
    assert query_words("5G 基站") == ["5G", "基站"]


def test_a_term_inside_a_longer_word_is_indexed_too(db):
    words = index_text("示例国家重点实验室年度考核").split()

    assert "国家重点实验室" in words
    assert "重点实验室" in words
    assert "实验室" in words


def test_words_the_dictionary_does_not_know_meet_as_characters(db):
    indexed = index_text("示例电科院举办研讨会").split()

    for word in query_words("电科"):
        assert word in indexed


def test_operators_and_symbols_are_not_words():
    assert query_words('特高压 AND "换流阀" OR NOT NEAR * ( ) : ^ - 😀') == ["特高压", "换流阀"]
    assert query_words("' OR 1=1 --") == ["1"]
    assert query_words("🚀\x00") == []


def test_english_plurals_meet_their_singular():
    assert "superalloy" in index_text("Superalloys laboratories").lower().split()
    assert query_words("superalloys robots") == ["superalloy", "robot"]


def test_highlight_words_keep_unknown_runs_whole():
    assert highlight_words("电科院 特高压") == ["电科院", "特高压"]


def test_an_administrators_term_becomes_one_word(db):
    dictionary.reload()
    assert query_words("钍基熔盐堆") != ["钍基熔盐堆"]

    SearchTerm.objects.create(term="钍基熔盐堆")

    assert query_words("钍基熔盐堆") == ["钍基熔盐堆"]
    SearchTerm.objects.filter(term="钍基熔盐堆").delete()
    assert query_words("钍基熔盐堆") != ["钍基熔盐堆"]


def test_enterprise_short_names_are_words(tree):
    dictionary.reload()

    assert query_words("示例装备的燃气轮机") == ["示例装备", "燃气轮机"]


def test_snippet_reads_entities_of_stored_html_once():
    from search.highlight import snippet

    html = snippet(["<p>研发&amp;应用 <b>储能</b> 装置</p>"], ["储能"])

    assert "研发&amp;应用" in html and "&amp;amp;" not in html
    assert "<mark>储能</mark>" in html
