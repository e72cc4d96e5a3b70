#!/usr/bin/python3
"""Checks nianbao's Word export of the sample from outside Go.

    docx-check.py OUT.docx REPORT.txt LIBREOFFICE.txt

OUT.docx is `nianbao docx` of the sample, REPORT.txt its `nianbao text`
export, LIBREOFFICE.txt `pdftotext` of the PDF LibreOffice rendered from
OUT.docx. python-docx (Debian's python3-docx) opens the file and must find
the page set-up, the styles, the three tables with the template's merges,
repeated header rows, the two footers with PAGE fields and the document
properties; every paragraph and every table cell of the text export must be
in what LibreOffice rendered. Exits 1 with one line per failure.
"""

import re
import sys

import docx
from docx.oxml.ns import qn
from docx.shared import Length, Mm

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def squash(s):
    """Text without white space and page numbers (— 3 —)."""
    s = re.sub(r"\s+", "", s)
    return re.sub(r"—\d+—", "", s)


def present(needle, hay):
    """needle is in hay, or (a cell wrapped over lines that LibreOffice's
    text interleaves with its neighbours) its characters appear in order
    within a short stretch of hay."""
    if needle in hay:
        return True
    window = len(needle) * 8 + 40
    start = hay.find(needle[0])
    while start >= 0:
        i, j = 0, start
        while i < len(needle) and j < len(hay) and j < start + window:
            if hay[j] == needle[i]:
                i += 1
            j += 1
        if i == len(needle):
            return True
        start = hay.find(needle[0], start + 1)
    return False


def check_python_docx(path):
    d = docx.Document(path)
    s = d.sections[0]
    check(abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5), "page is not A4")
    check(abs(s.top_margin - Mm(37)) < Mm(0.2), "top margin is not 37 mm")
    check(abs(s.left_margin - Mm(28)) < Mm(0.2), "left margin is not 28 mm")
    type_w = Length(s.page_width - s.left_margin - s.right_margin)
    type_h = Length(s.page_height - s.top_margin - s.bottom_margin)
    check(abs(type_w - Mm(156)) < Mm(0.2) and abs(type_h - Mm(225)) < Mm(0.2), "type area is not 156 x 225 mm")
    grid = s._sectPr.find(qn("w:docGrid"))
    check(grid is not None and int(grid.get(qn("w:linePitch"))) * 22 <= type_h.twips < int(grid.get(qn("w:linePitch"))) * 23,
          "document grid does not give 22 lines")
    check(d.settings.odd_and_even_pages_header_footer, "odd and even footers are not separate")
    for name, footer in (("odd", s.footer), ("even", s.even_page_footer)):
        xml = footer._element.xml
        check("PAGE" in xml and "—" in xml, name + " footer has no — PAGE — field")
    check("right" in s.footer._element.xml and "left" in s.even_page_footer._element.xml,
          "page numbers are not right on odd and left on even pages")

    styles = {st.style_id: st for st in d.styles}
    for sid, font in (("Title", "方正小标宋简体"), ("Normal", "仿宋_GB2312"), ("Heading1", "黑体"),
                      ("Heading2", "楷体_GB2312"), ("TableText", "宋体")):
        st = styles.get(sid)
        rfonts = st.element.rPr.rFonts if st is not None and st.element.rPr is not None else None
        check(rfonts is not None and rfonts.get(qn("w:eastAsia")) == font, "style %s is not in %s" % (sid, font))
    check(styles["Normal"].font.size.pt == 16 and styles["Title"].font.size.pt == 22, "body is not 3号 or title not 2号")
    ind = styles["Normal"].element.pPr.find(qn("w:ind"))
    check(ind is not None and ind.get(qn("w:firstLineChars")) == "200", "body first line is not indented 2 characters")
    check(styles["Heading1"].paragraph_format.keep_with_next, "headings are not kept with the next paragraph")

    t = d.tables
    check(len(t) == 3, "%d tables, want 3 (二, 三, 四)" % len(t))
    if len(t) == 3:
        t2, t3, t4 = t
        check(len(t2.columns) == 4 and t2.cell(0, 0)._tc is t2.cell(0, 3)._tc, "table 二's caption does not span its 4 columns")
        check(t3.cell(0, 0)._tc is t3.cell(2, 2)._tc and "勾稽关系" in t3.cell(0, 0).text,
              "table 三's corner note is not merged over 3 rows and 3 columns")
        check(t3.cell(1, 3)._tc is t3.cell(2, 3)._tc and t3.cell(1, 3).text == "自然人", "table 三's 自然人 is not merged down")
        last = len(t3.rows) - 2  # （七）总计; the last row is 四、结转下年度继续办理
        check(t3.cell(5, 0)._tc is t3.cell(last, 0)._tc and t3.cell(last + 1, 0)._tc is not t3.cell(last, 0)._tc
              and t3.cell(5, 0).text == "三、本年度办理结果" and t3.cell(last, 1).text == "（七）总计",
              "table 三's 三、本年度办理结果 is not merged down its %d rows" % (last - 4))
        check(len(t4.columns) == 15 and t4.cell(0, 0)._tc is t4.cell(0, 4)._tc and t4.cell(0, 5)._tc is t4.cell(0, 14)._tc,
              "table 四 is not 15 columns under 行政复议 (5) and 行政诉讼 (10)")
        width = sum(int(g.get(qn("w:w"))) for g in t4._tbl.tblGrid.findall(qn("w:gridCol")))
        check(width <= type_w.twips, "table 四 is wider than the type area")
        for name, tb, rows in (("三", t3, 3), ("四", t4, 3)):
            heads = [r for r in tb.rows if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None]
            check(len(heads) == rows, "table %s repeats %d header rows, want %d" % (name, len(heads), rows))
        for name, tb in (("二", t2), ("三", t3), ("四", t4)):
            check(all(r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in tb.rows),
                  "a row of table %s may split across pages" % name)
    p = d.core_properties
    check(p.title == "别斯托别乡2023年度政府信息公开工作年度报告", "document title is %r" % p.title)
    check(p.author == "新源县别斯托别乡人民政府", "document author is %r" % p.author)


def check_rendered(report_txt, rendered_txt):
    hay = squash(open(rendered_txt, encoding="utf-8").read())
    n = 0
    for line in open(report_txt, encoding="utf-8").read().split("\n"):
        for piece in line.split("\t"):
            piece = squash(piece)
            if not piece:
                continue
            n += 1
            check(present(piece, hay), "LibreOffice's rendering lacks %r" % piece[:40])
    check(n > 200, "only %d paragraphs and cells checked" % n)
    return n


def main():
    path, report_txt, rendered_txt = sys.argv[1:4]
    check_python_docx(path)
    n = check_rendered(report_txt, rendered_txt)
    for f in failures:
        print("docx-check: " + f)
    if failures:
        sys.exit(1)
    print("docx-check: python-docx found the page, styles, 3 tables and their merges; LibreOffice rendered all %d paragraphs and cells" % n)


if __name__ == "__main__":
    main()
