"""Document attributes a policy sample table needs: 发文机关, 文号, 日期, 文种, 地区.

Fixtures in tests/data/import are real public texts (statutes, notices, a saved government
page; see the README there). The expected values are what the documents themselves state.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from annotator.importing import read_file
from annotator.importing.attributes import document_attributes
from annotator.importing.dates import to_iso
from annotator.importing.policy_text import genre_of, read_policy_facts

DATA = Path(__file__).parent / "data" / "import"


def fixture_text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (  # adopted by the city's people's congress itself: no 常务委员会
            "beijing-kechuang-zhongxin-tiaoli-2024.txt",
            {"发文机关": "北京市人民代表大会", "日期": "2024-01-25", "文种": "条例",
             "地区": "北京市"},
        ),
        (  # four history lines: the second revision of 2024 is the version in force
            "shanghai-keji-jinbu-tiaoli-2024.txt",
            {"发文机关": "上海市人民代表大会常务委员会", "日期": "2024-05-10", "文种": "条例",
             "地区": "上海市"},
        ),
        (  # a city's regulation approved by the province later is still the city's
            "zhengzhou-keji-touru-tiaoli-1997.txt",
            {"发文机关": "郑州市人民代表大会常务委员会", "日期": "1997-06-25", "文种": "条例",
             "地区": "郑州市"},
        ),
        (  # a State Council regulation: decree number, revisions by 《国务院关于…的决定》
            "zhuanlifa-shishi-xize-2023.txt",
            {"发文机关": "国务院", "文号": "中华人民共和国国务院令第306号", "日期": "2023-12-11",
             "文种": "细则", "地区": "全国"},
        ),
        (  # a notice signed 国务院办公厅 / 2017年9月7日
            "guobanfa-2017-80.txt",
            {"发文机关": "国务院办公厅", "文号": "国办发〔2017〕80号", "日期": "2017-09-07",
             "文种": "通知", "地区": "全国"},
        ),
        (  # 关于印发《…办法》的通知 is a 通知; signature date in Chinese numerals; ［］ brackets
            "renshibu-renxinfa-1995-32.txt",
            {"发文机关": "中华人民共和国人事部", "文号": "人薪发［1995］32号", "日期": "1995-03-26",
             "文种": "通知", "地区": "全国"},
        ),
        (  # a law site's labels (发文标题/发文文号/发文部门/发文时间) read as the stable names
            "jinhua-jinzhengfa-2016-54.txt",
            {"发文机关": "金华市人民政府", "文号": "金政发[2016]54号", "日期": "2016-10-18",
             "文种": "意见", "地区": "金华市"},
        ),
    ],
)
def test_real_documents(name: str, expected: dict[str, str]) -> None:
    result = read_file(DATA / name)
    assert {key: result.attributes.get(key) for key in expected} == expected


def test_saved_government_page_metadata_table() -> None:
    result = read_file(DATA / "guobanfa-2017-80.htm")
    assert result.title == "国务院办公厅关于推广支持创新相关改革举措的通知"
    assert result.attributes["发文机关"] == "国务院办公厅"
    assert result.attributes["文号"] == "国办发〔2017〕80号"
    assert result.attributes["日期"] == "2017-09-07"  # 成文日期, not the 发布日期 2017-09-14
    assert result.attributes["索引号"] == "000014349/2017-00162"
    assert result.attributes["主题分类"] == "科技、教育\\科技"
    assert result.attributes["地区"] == "全国"
    for label in ("索引号", "主题分类", "成文日期", "发布日期", "发文字号", "2017-00162"):
        assert label not in result.text  # the box is gone from the body
    lines = result.text.split("\n")
    assert lines[0] == "国务院办公厅关于推广支持创新相关改革举措的通知"  # the article starts
    assert "一、推广改革举措的主要内容" in lines  # paragraphs of the layout cell stay lines
    assert "首页" not in result.text  # the BreadcrumbNav trail


def test_page_metadata_in_list_items_gbk() -> None:
    result = read_file(DATA / "jinhua-jinzhengfa-2016-54.htm")
    assert result.title == "金华市人民政府关于深入实施创新驱动发展战略补齐科技创新短板的若干意见"
    assert result.attributes["文号"] == "金政发[2016]54号"  # not the 浙政办发 quoted in the body
    assert result.attributes["发文机关"] == "金华市人民政府"
    assert result.attributes["地区"] == "金华市"
    assert "发文文号" not in result.text
    assert result.text.split("\n")[1].startswith("各县(市、区)人民政府")


def test_number_quoted_in_the_body_is_never_the_documents() -> None:
    lines = fixture_text("jinhua-jinzhengfa-2016-54.txt").split("\n")
    body = "\n".join(line for line in lines if not line.startswith(("发文", "实施", "所属")))
    title = "金华市人民政府关于深入实施创新驱动发展战略补齐科技创新短板的若干意见"
    attributes = document_attributes(title + "\n" + body, title)
    assert "文号" not in attributes  # only 浙政办发[2016]75号, quoted in the first paragraph
    assert attributes["发文机关"] == "金华市人民政府"


@pytest.mark.parametrize(
    ("head", "number"),
    [
        ("国办发〔2018〕126号", "国办发〔2018〕126号"),
        ("京政发〔2023〕5号", "京政发〔2023〕5号"),
        ("国科发政〔2016〕106号", "国科发政〔2016〕106号"),
        ("财科教【2017】6号", "财科教【2017】6号"),
        ("（国科发火〔2016〕32号）", "国科发火〔2016〕32号"),
        ("京政办发(2018)21号", "京政办发(2018)21号"),
        ("财政部 税务总局公告2023年第7号", "财政部税务总局公告2023年第7号"),
        ("中华人民共和国主席令\n第一〇三号", "中华人民共和国主席令第一〇三号"),
        ("国家发展改革委第16号令", "国家发展改革委第16号令"),
    ],
)
def test_document_number_variants_under_the_title(head: str, number: str) -> None:
    title = "关于进一步完善研发费用税前加计扣除政策的通知"
    text = f"{title}\n{head}\n各有关单位：\n现将有关事项通知如下。"
    assert read_policy_facts(text, title).number == number


def test_history_dates_latest_revision_and_not_the_date_in_force() -> None:
    text = (
        "中华人民共和国科学技术进步法\n"
        "（1993年7月2日第八届全国人民代表大会常务委员会第二次会议通过　"
        "2007年12月29日第十届全国人民代表大会常务委员会第三十一次会议第一次修订　"
        "2021年12月24日第十三届全国人民代表大会常务委员会第三十二次会议第二次修订）\n"
        "第一章　总则\n第一条 为了全面促进科学技术进步……自2022年1月1日起施行。"
    )
    attributes = document_attributes(text, "中华人民共和国科学技术进步法")
    assert attributes["日期"] == "2021-12-24"
    assert attributes["发文机关"] == "全国人民代表大会常务委员会"
    assert attributes["文种"] == "法"
    assert attributes["地区"] == "全国"


def test_city_revision_approved_by_the_province_stays_the_citys() -> None:
    text = (  # 洛阳市城市绿化条例 (LawRefBook/Laws)
        "洛阳市城市绿化条例\n"
        "2014年6月27日 洛阳市第十四届人民代表大会常务委员会第四次会议通过\n"
        "2014年7月30日 河南省第十二届人民代表大会常务委员会第九次会议批准\n"
        "2018年8月29日 洛阳市第十四届人民代表大会常务委员会第四十一次会议通过\n"
        "2018年11月29日 河南省第十三届人民代表大会常务委员会第七次会议批准的"
        "《洛阳市人民代表大会常务委员会关于修改部分地方性法规的决定》修正\n"
        "第一章　总则\n第一条 为了促进城市绿化事业的发展，制定本条例。"
    )
    attributes = document_attributes(text, "洛阳市城市绿化条例")
    assert attributes["发文机关"] == "洛阳市人民代表大会常务委员会"
    assert attributes["日期"] == "2018-11-29"  # the revision in force since its approval
    assert attributes["地区"] == "洛阳市"


def test_regulation_issued_jointly_and_by_a_former_ministry() -> None:
    text = "征兵工作条例\n1985年10月24日 国务院、中央军委发布\n第一章　总则"
    assert document_attributes(text, "征兵工作条例")["发文机关"] == "国务院、中央军委"
    text = (
        "城市节约用水管理规定\n1988年11月30日 国务院批准\n"
        "1988年12月20日 中华人民共和国建设部令第1号发布\n"
        "第一条 为加强城市节约用水管理，制定本规定。"
    )
    attributes = document_attributes(text, "城市节约用水管理规定")
    assert attributes["发文机关"] == "建设部"
    assert attributes["文号"] == "中华人民共和国建设部令第1号"
    assert attributes["地区"] == "全国"


def test_effective_date_on_the_adoption_line_is_not_the_adoption() -> None:
    text = (
        "某条例\n2023年11月24日 北京市第十六届人民代表大会常务委员会第六次会议通过，"
        "自2024年3月1日起施行\n第一条 内容。"
    )
    assert read_policy_facts(text, "某条例").date == "2023-11-24"


def test_joint_signature_block() -> None:
    text = (
        "关于修订印发《高新技术企业认定管理办法》的通知\n国科发火〔2016〕32号\n"
        "各省、自治区、直辖市及计划单列市科技厅（委、局）、财政厅（局）、国家税务局、地方税务局：\n"
        "为加大对科技型企业特别是中小企业的政策扶持，有力推动大众创业、万众创新，培育创造新技术、"
        "新业态和提供新供给的生力军，促进经济升级发展，根据《中华人民共和国企业所得税法》及其实施"
        "条例有关规定，科技部、财政部、国家税务总局对《高新技术企业认定管理办法》进行了修订完善。"
        "现将新修订的《高新技术企业认定管理办法》印发给你们，请遵照执行。\n"
        "科技部　　财政部　　国家税务总局\n2016年1月29日\n"
    )
    attributes = document_attributes(text, text.split("\n")[0])
    assert attributes["发文机关"] == "科技部、财政部、国家税务总局"
    assert attributes["日期"] == "2016-01-29"
    assert attributes["文号"] == "国科发火〔2016〕32号"
    assert attributes["地区"] == "全国"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("一九九七年四月八日", "1997-04-08"),
        ("二〇二三年十二月二十日", "2023-12-20"),
        ("二○二三年十二月二十日", "2023-12-20"),  # ○ (U+25CB) typed for 〇
        ("二OO四年四月六日", "2004-04-06"),  # the letter O typed for 〇 (国办函〔2004〕33号)
        ("二00五年六月十七日", "2005-06-17"),  # the digit 0 typed for 〇 (武政〔2005〕32号)
        ("2023年5月6日", "2023-05-06"),
        ("2023-05-06 10:00", "2023-05-06"),
        ("2023.5.6", "2023-05-06"),
        ("2023/5/6", "2023-05-06"),
        ("２０２３年５月６日", "2023-05-06"),
        ("2023年2月30日", ""),  # no such day: left empty, no error
        ("二〇二三年十三月一日", ""),
        ("去年十二月", ""),
    ],
)
def test_dates(value: str, iso: str) -> None:
    assert to_iso(value) == iso


def test_unreadable_values_leave_attributes_empty() -> None:
    labelled = {"成文日期": "2023年2月30日", "发布机构": "（见附件）"}
    attributes = document_attributes("无题\n正文。", "无题", labelled=labelled)
    assert "日期" not in attributes
    assert "地区" not in attributes
    assert "文种" not in attributes


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("国务院办公厅关于推广支持创新相关改革举措的通知", "通知"),
        ("科技部 财政部 国家税务总局关于修订印发《高新技术企业认定管理办法》的通知", "通知"),
        ("中华人民共和国促进科技成果转化法", "法"),
        ("北京市促进科技成果转化条例", "条例"),
        ("高新技术企业认定管理办法", "办法"),
        ("关于深化科技体制改革加快国家创新体系建设的意见", "意见"),
        ("“十四五”国家科技创新规划", "规划"),
        ("国家中长期科学和技术发展规划纲要（2006—2020年）", "纲要"),
        ("上海市促进大型科学仪器设施共享规定（2007年修正）", "规定"),
        ("揭榜挂帅制度的组织方法", ""),  # 方法 is no genre
        ("地方科改十年:回顾及展望", ""),
    ],
)
def test_genre_from_title(title: str, genre: str) -> None:
    assert genre_of(title) == genre


@pytest.mark.parametrize(
    ("issuer", "title", "region"),
    [
        ("广东省人民政府", "", "广东省"),
        ("深圳市科技创新委员会", "", "深圳市"),
        ("广东省深圳市人民政府", "", "深圳市"),  # the most specific level
        ("", "汕头经济特区科技创新条例", "汕头市"),
        ("国家知识产权局", "", "全国"),
        ("科学技术部", "", "全国"),
        ("全国人民代表大会常务委员会", "", "全国"),
        ("", "中山大学学报", ""),  # a university, not 中山市
    ],
)
def test_region(issuer: str, title: str, region: str) -> None:
    from annotator.importing.attributes import region_for

    assert region_for(issuer, title) == region


# --- software defaults ------------------------------------------------------------------------


def test_docx_template_defaults_never_become_attributes(tmp_path: Path) -> None:
    import docx

    document = docx.Document()  # python-docx's template: author python-docx, created 2013
    for line in fixture_text("guobanfa-2017-80.txt").strip().split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "通知.docx"
    document.save(str(path))
    result = read_file(path)
    assert result.attributes.get("作者") is None
    assert result.attributes["日期"] == "2017-09-07"  # the signature, not 2013-12-23
    assert "2013-12-23" not in result.attributes.values()


def test_docx_created_date_used_when_nothing_better(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.author = "Microsoft Office User"
    document.core_properties.created = datetime(2022, 3, 1, 9, 30)
    document.add_paragraph("科技成果转化研究综述")
    document.add_paragraph("本文梳理了近年来科技成果转化政策的研究进展。")
    path = tmp_path / "综述.docx"
    document.save(str(path))
    result = read_file(path)
    assert result.attributes == {"日期": "2022-03-01"}


@pytest.mark.parametrize("author", ["(anonymous)", "anonymous", "Microsoft® Word 2016",
                                    "WPS_1589342741", "ReportLab PDF Library"])
def test_pdf_software_names_are_no_author(tmp_path: Path, author: str) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "review.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setAuthor(author)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 760, "Regional innovation policy review")
    pdf.save()
    assert "作者" not in read_file(path).attributes


def test_traditional_script_notice_attributes_as_written() -> None:
    # 湖北省人民政府關于進一步優化營商環境的若干意見 (鄂政發〔2018〕26號), its head as published
    # in traditional characters
    text = ("省人民政府關于\n進一步優化營商環境的若干意見\n鄂政發〔2018〕26號\n"
            "各市、州、縣人民政府，省政府各部門：\n"
            "為深入貫徹習近平總書記關于加大營商環境改革力度的重要指示精神，結合我省實際，提出如下意見。\n"
            "一、總體要求\n")
    found = document_attributes(text, "省人民政府關于進一步優化營商環境的若干意見")
    assert found["文号"] == "鄂政發〔2018〕26號"  # as the document writes it
    assert found["文种"] == "意見"
    assert found["发文机关"] == "省人民政府"
    assert found["地区"] == "湖北省"  # from 鄂, the province's short name


def test_two_line_title_is_one_title(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(
        "湖南省人民政府办公厅文件\n湘政办发〔2009〕24号\n湖南省人民政府办公厅关于加强普通高等学校\n\n"
        "毕业生就业工作的通知\n各市州、县市区人民政府,省政府各厅委、各直属机构:\n"
        "根据《国务院办公厅关于加强普通高等学校毕业生就业工作的通知》精神,现就有关问题通知如下:\n",
        encoding="utf-8")
    assert read_file(path).title == "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知"


def test_issuing_bodies_line_under_line_above_the_title(tmp_path: Path) -> None:
    # 丰科技发〔2024〕46号, as its .docx writes the head
    path = tmp_path / "notice.txt"
    path.write_text("丰都县科学技术局\n丰都县财政局\n关于印发《丰都县科研项目管理办法（试行）》的通知\n"
                    "丰科技发〔2024〕46号\n各乡镇人民政府、街道办事处，县级有关部门：\n"
                    "现将《丰都县科研项目管理办法（试行）》印发给你们，请认真贯彻执行。\n",
                    encoding="utf-8")
    found = read_file(path)
    assert found.title == ("丰都县科学技术局丰都县财政局"
                           "关于印发《丰都县科研项目管理办法（试行）》的通知")
    assert found.attributes["文种"] == "通知"
