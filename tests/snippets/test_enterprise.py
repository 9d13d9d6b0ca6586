"""Enterprises: a group company answers for its subsidiaries."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from snippets.models import Enterprise
from tests.factories import EnterpriseFactory, TechFieldFactory


def test_subsidiary_needs_its_group(db):
    orphan = EnterpriseFactory.build(code="orphan", level=Enterprise.Level.SUBSIDIARY)

    with pytest.raises(ValidationError) as refusal:
        orphan.full_clean()
    assert "parent" in refusal.value.message_dict


def test_group_cannot_belong_to_another_group(db):
    group = EnterpriseFactory(code="group-a")
    nested = EnterpriseFactory.build(code="group-x", level=Enterprise.Level.GROUP, parent=group)

    with pytest.raises(ValidationError) as refusal:
        nested.full_clean()
    assert "parent" in refusal.value.message_dict


def test_subsidiary_with_its_group_is_valid(db):
    group = EnterpriseFactory(code="group-a")
    subsidiary = EnterpriseFactory.build(code="a1", parent=group)

    subsidiary.full_clean()
    assert subsidiary.level == Enterprise.Level.SUBSIDIARY
    assert subsidiary.group == group


def test_group_family_is_itself_and_its_subsidiaries(db):
    group = EnterpriseFactory(code="group-a")
    a1 = EnterpriseFactory(code="a1", parent=group)
    a2 = EnterpriseFactory(code="a2", parent=group)
    other = EnterpriseFactory(code="group-b")

    assert set(Enterprise.objects.family_of(group)) == {group, a1, a2}
    assert set(Enterprise.objects.family_of(a1)) == {a1}
    assert other not in Enterprise.objects.family_of(group)


def test_names_follow_the_reader_language(db):
    group = EnterpriseFactory(
        code="group-a",
        name="示例能源集团有限公司",
        name_en="Example Energy Group",
        short_name="示例能源",
        short_name_en="",
    )
    field = TechFieldFactory(name="能源", name_en="Energy")

    with translation.override("zh-hans"):
        assert (group.display_name, field.display_name) == ("示例能源集团有限公司", "能源")
    with translation.override("en"):
        assert (group.display_name, field.display_name) == ("Example Energy Group", "Energy")
        assert group.display_short_name == "示例能源", "no English short name: the Chinese one"
