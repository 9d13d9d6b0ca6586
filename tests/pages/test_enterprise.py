"""企业子平台: the directory of group companies and each enterprise's own sub-platform."""

import pytest
from django.core.exceptions import ValidationError

from pages.models import EnterprisePage
from tests.conftest import make_enterprise_page
from tests.factories import (
    AchievementPageFactory,
    EnterpriseFactory,
    ExperiencePageFactory,
    NewsPageFactory,
)
from tests.utils import page_ok, text_of


def test_directory_lists_groups_with_their_subsidiaries(tree, client):
    text = text_of(page_ok(client, "/enterprises/"))

    assert "企业子平台" in text
    assert "示例能源集团有限公司" in text
    assert "示例装备集团有限公司" in text
    assert "能源一院" in text, "a group's card names its subsidiaries"
    assert tree.a1.url in text


def test_directory_leaves_out_unpublished_sub_platforms(tree, client):
    hidden = make_enterprise_page(tree.site.enterprises, code="group-c", name="尚未上线的集团公司")
    hidden.unpublish()

    assert "尚未上线的集团公司" not in text_of(page_ok(client, "/enterprises/"))


def test_group_sub_platform_lists_its_own_and_its_subsidiaries_items(tree, client):
    NewsPageFactory(parent=tree.group_a, title="集团本部的科技动态")
    AchievementPageFactory(parent=tree.a1, title="一院的重大成就")
    ExperiencePageFactory(parent=tree.group_b, title="另一集团的管理经验")

    text = text_of(page_ok(client, tree.group_a.url))

    assert "示例能源集团有限公司" in text
    assert "集团本部的科技动态" in text
    assert "一院的重大成就" in text
    assert "另一集团的管理经验" not in text


def test_subsidiary_sub_platform_lists_only_its_own_items(tree, client):
    NewsPageFactory(parent=tree.group_a, title="集团本部的科技动态")
    AchievementPageFactory(parent=tree.a1, title="一院的重大成就")

    text = text_of(page_ok(client, tree.a1.url))

    assert "示例能源第一研究院有限公司" in text
    assert "一院的重大成就" in text
    assert "集团本部的科技动态" not in text


def test_group_sub_platform_links_to_its_subsidiaries(tree, client):
    text = text_of(page_ok(client, tree.group_a.url))

    assert "能源一院" in text
    assert tree.a1.url in text


def test_sub_platform_shows_one_stream_at_a_time(tree, client):
    NewsPageFactory(parent=tree.a1, title="一院的科技动态")
    AchievementPageFactory(parent=tree.a1, title="一院的重大成就")

    text = text_of(page_ok(client, tree.group_a.url, stream="achievements"))

    assert "一院的重大成就" in text
    assert "一院的科技动态" not in text


def test_sub_platform_ignores_drafts(tree, client):
    NewsPageFactory(parent=tree.a1, title="一院的草稿", live=False)

    assert "一院的草稿" not in text_of(page_ok(client, tree.group_a.url))


# --- Where a sub-platform may sit -------------------------------------------


def test_subsidiary_sub_platform_must_sit_under_its_group(tree):
    a2 = EnterpriseFactory(code="a2", name="示例能源第二研究院", parent=tree.group_a.enterprise)

    with pytest.raises(ValidationError) as refusal:
        tree.site.enterprises.add_child(
            instance=EnterprisePage(title="二院", slug="a2", enterprise=a2)
        )
    assert "enterprise" in refusal.value.message_dict

    with pytest.raises(ValidationError):
        tree.group_b.add_child(instance=EnterprisePage(title="二院", slug="a2", enterprise=a2))

    page = tree.group_a.add_child(instance=EnterprisePage(title="二院", slug="a2", enterprise=a2))
    assert page.get_parent().specific == tree.group_a


def test_group_sub_platform_must_sit_in_the_directory(tree):
    group_c = EnterpriseFactory(code="group-c", name="示例化工集团")

    with pytest.raises(ValidationError):
        tree.group_a.add_child(
            instance=EnterprisePage(title="化工", slug="group-c", enterprise=group_c)
        )

    page = tree.site.enterprises.add_child(
        instance=EnterprisePage(title="化工", slug="group-c", enterprise=group_c)
    )
    assert page.depth == tree.group_a.depth


def test_sub_platform_links_to_its_resources_and_supply_demand_with_counts(tree, client):
    """A group's sub-platform counts its own and its subsidiaries' public listings."""
    from tests.factories import make_listing

    make_listing("instrument", tree.a1.enterprise, title="一院的电镜")
    make_listing("instrument", tree.group_a.enterprise, title="集团的试验台")
    make_listing("job", tree.a1.enterprise, title="一院招聘", live=False)

    html = page_ok(client, tree.group_a.url).content.decode()

    assert '/resources/?enterprise=group-a">资源共享 <span class="tabs__count">2</span>' in html
    assert '/supply-demand/?enterprise=group-a">供求信息 <span class="tabs__count">0</span>' in html
