"""保密审查: markings and the regulator's terms are found in text, body and attachments.

The scanner only reports; clearing a false positive is a reviewer's decision
later in the workflow, so a hit must say where it is and show its context.
"""

import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile

from pages.demo.documents import text_pdf
from tests.factories import DocumentFactory, NewsPageFactory, NoticePageFactory
from workflows import secrecy
from workflows.models import SensitiveTerm
from workflows.secrecy import UNREADABLE, scan_page, scan_text


def document(name, data):
    doc = DocumentFactory(title=name)
    doc.file.save(name, ContentFile(data), save=True)
    return doc


def pdf(*lines):
    return text_pdf("附件", [(line, 11) for line in lines])


def docx(paragraphs, header=None):
    """A minimal .docx: each paragraph is a list of runs (Word splits words into runs)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def body(paras, tag):
        ps = "".join(
            "<w:p>" + "".join(f"<w:r><w:t>{run}</w:t></w:r>" for run in runs) + "</w:p>"
            for runs in paras
        )
        return f'<?xml version="1.0" encoding="UTF-8"?><w:{tag} {w}>{ps}</w:{tag}>'

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Override PartName="/word/document.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "word/document.xml",
            body(paragraphs, "document")
            .replace("<w:p>", "<w:body><w:p>", 1)
            .replace("</w:document>", "</w:body></w:document>"),
        )
        if header:
            archive.writestr("word/header1.xml", body([header], "hdr"))
    return out.getvalue()


def body(*blocks):
    return json.dumps([{"type": t, "value": v} for t, v in blocks])


def table(*rows, caption=""):
    return {
        "data": [list(row) for row in rows],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": caption,
    }


def news(tree, **kwargs):
    return NewsPageFactory(parent=tree.a1, **kwargs)


def test_marking_in_title_is_found_with_context(tree):
    page = news(tree, title="关于某机密型号研制进展的报道", summary="示例企业完成装置调试。")

    hits = scan_page(page)

    assert [(h.term, h.source) for h in hits] == [("机密", "标题")]
    assert hits[0].category == "marking"
    assert hits[0].context == "关于某【机密】型号研制进展的报道"
    assert hits[0].position == 3


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("本文件密级：秘密★1年，请妥善保管。", "秘密★1年"),
        ("封面标注机密★长期字样。", "机密★长期"),
        ("绝密★十年", "绝密★十年"),
        ("秘密★", "秘密★"),
    ],
)
def test_secret_with_star_and_period_is_found(text, matched):
    hits = scan_text(text, source="正文", terms=[])

    assert len(hits) == 1
    assert hits[0].matched == matched
    assert f"【{matched}】" in hits[0].context


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("秘 密★1年", "秘密"),
        ("机\u3000密", "机密"),
        ("绝\u200b密☆10年", "绝密"),
        ("秘密＊５年", "秘密"),
        ("内部\n资料", "内部资料"),
        ("ｎｅｉｂｕ　内　部　文　件", "内部文件"),
    ],
)
def test_spaced_and_fullwidth_markings_are_found(text, term):
    hits = scan_text(f"前文{text}后文", source="摘要", terms=[])

    assert [h.term for h in hits] == [term]
    # The hit quotes the original text, spaces and all.
    assert hits[0].matched in text
    assert hits[0].matched.startswith(term[0])


def test_clean_item_has_no_hits(site):
    attachment = document("clean.pdf", pdf("关于报送年度科技创新情况的通知", "请各单位按时报送。"))
    page = NoticePageFactory(
        parent=site.notices,
        title="关于报送科技创新情况的通知",
        summary="请各集团公司于月底前报送。",
        body=body(
            ("paragraph", "<p>揭示材料老化<b>规律</b>的研究取得进展。</p>"),
            ("table", table(["单位", "数量"], ["示例一院", "3"], caption="报送情况")),
            ("quote", {"text": "创新是第一动力。", "attribution": "示例报告"}),
        ),
        attachments=[attachment],
    )

    assert scan_page(page) == []


def test_regulator_term_in_streamfield_table_is_found(tree):
    SensitiveTerm.objects.create(term="天穹工程", category=SensitiveTerm.Category.SECRET_MATTER)
    page = news(
        tree,
        body=body(
            ("paragraph", "<p>本年度重点项目进展如下。</p>"),
            ("table", table(["项目", "进度"], ["天穹 工程", "80%"])),
        ),
    )

    hits = scan_page(page)

    assert [(h.term, h.category, h.source) for h in hits] == [
        ("天穹工程", "secret_matter", "正文第2段·表格第2行")
    ]
    assert "【天穹 工程】" in hits[0].context


def test_marking_in_rich_text_and_quote_is_found(tree):
    page = news(
        tree,
        body=body(
            ("paragraph", "<p>此段落含有<b>内部</b>资料内容。</p>"),
            ("quote", {"text": "一段引文。", "attribution": "某涉密会议纪要"}),
        ),
    )

    hits = scan_page(page)

    assert [(h.term, h.source) for h in hits] == [
        ("内部资料", "正文第1段"),
        ("涉密", "正文第2段·出处"),
    ]


def test_marking_inside_attached_pdf_is_found(site):
    attachment = document("notice-annex.pdf", pdf("附件1", "本材料属内部资料，请勿外传。"))
    page = NoticePageFactory(parent=site.notices, attachments=[attachment])

    hits = scan_page(page)

    assert [(h.term, h.source) for h in hits] == [("内部资料", "附件：notice-annex.pdf 第1页")]
    assert "【内部资料】" in hits[0].context


def test_marking_inside_docx_is_found(tree):
    attachment = document(
        "report.docx",
        docx([["项目总结报告"], ["密级：秘", "密★5", "年"]], header=["机密"]),
    )
    page = news(tree, body=body(("document", {"document": attachment.pk, "title": "总结报告"})))

    hits = scan_page(page)

    assert {(h.matched, h.source) for h in hits} == {
        ("秘密★5年", "附件：report.docx 第2段"),
        ("机密", "附件：report.docx 页眉"),
    }


def test_marking_in_txt_attachment_gb18030(site):
    text = "回执说明\r\n本表为内部文件，填写后报送。\r\n"
    attachment = document("reply.txt", text.encode("gb18030"))
    page = NoticePageFactory(parent=site.notices, attachments=[attachment])

    hits = scan_page(page)

    assert [(h.term, h.source) for h in hits] == [("内部文件", "附件：reply.txt 第2行")]


def test_corrupt_pdf_is_reported_not_crashing(site):
    broken = document("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    page = NoticePageFactory(parent=site.notices, attachments=[broken])

    hits = scan_page(page)

    assert [(h.category, h.source) for h in hits] == [(UNREADABLE, "附件：broken.pdf")]
    assert "人工检查" in hits[0].context


def test_scanned_pdf_without_text_is_reported(site):
    scanned = document("scan.pdf", text_pdf("扫描件", [("", 11)]))
    page = NoticePageFactory(parent=site.notices, attachments=[scanned])

    hits = scan_page(page)

    assert [h.category for h in hits] == [UNREADABLE]
    assert "扫描件" in hits[0].context


def test_encrypted_pdf_is_reported(site):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf("机密内容"))))
    writer.encrypt(user_password="secret-pass", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    page = NoticePageFactory(
        parent=site.notices, attachments=[document("locked.pdf", out.getvalue())]
    )

    hits = scan_page(page)

    assert [h.category for h in hits] == [UNREADABLE]
    assert "加密" in hits[0].context


def test_docx_zip_bomb_is_not_expanded(tree, monkeypatch):
    monkeypatch.setattr(secrecy.documents, "MAX_OOXML_PART_BYTES", 100_000)
    bomb = document("bomb.docx", docx([["填充" * 100_000]]))
    page = news(tree, body=body(("document", {"document": bomb.pk, "title": ""})))

    hits = scan_page(page)

    assert [h.category for h in hits] == [UNREADABLE]
    assert "过大" in hits[0].context


def test_legacy_office_file_is_reported_for_a_human(site):
    legacy = document("old.doc", b"\xd0\xcf\x11\xe0 not readable here")
    page = NoticePageFactory(parent=site.notices, attachments=[legacy])

    assert [h.category for h in scan_page(page)] == [UNREADABLE]


def test_inactive_term_is_ignored(tree):
    SensitiveTerm.objects.create(term="长城一号", is_active=False)
    SensitiveTerm.objects.create(term="昆仑二号")
    page = news(tree, summary="长城一号与昆仑二号均已完成试验。")

    assert [h.term for h in scan_page(page)] == ["昆仑二号"]


def test_false_positive_context():
    hits = scan_text("研究团队致力于揭开材料老化的秘密，成果已发表。", source="摘要", terms=[])

    assert len(hits) == 1
    assert hits[0].term == "秘密"
    assert "揭开材料老化的【秘密】" in hits[0].context


def test_regulator_manages_terms_in_admin(admin_client):
    from django.urls import reverse

    SensitiveTerm.objects.create(term="天穹工程", note="某涉密项目代号")

    response = admin_client.get(reverse("wagtailsnippets_workflows_sensitiveterm:list"))

    assert response.status_code == 200
    assert "天穹工程" in response.content.decode()
