package importer

import (
	"bytes"
	"encoding/base64"
	"mime/quotedprintable"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/reports"
	"nianbao/reports/importer/portalpage"
)

// portalPage is portalpage.Page, failing the test on its error.
func portalPage(t *testing.T, r *reports.Report, charset string, titleInBody bool) string {
	t.Helper()
	p, err := portalpage.Page(r, charset, titleInBody)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSavedPortalPage(t *testing.T) {
	sample := reports.Sample()
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	splitTables := func(s string) string {
		// A table 二 broken into one table per block, as pages made from
		// Word documents with page breaks have it.
		i := strings.Index(s, "第二十条第（五）项")
		j := strings.LastIndex(s[:i], "<tr")
		return s[:j] + "</table><p>　</p><table>" + s[j:]
	}
	divsAndSpans := func(s string) string {
		// Paragraphs as spans in one div, broken by <br>.
		s = regexp.MustCompile(`<p[^>]*>`).ReplaceAllString(s, "<span>")
		return strings.ReplaceAll(s, "</p>", "</span><br>")
	}
	cases := []struct {
		name string
		page func() []byte
		enc  string // the format's encoding note, "" for UTF-8
	}{
		{"a portal page saved as UTF-8", func() []byte { return []byte(portalPage(t, sample, "utf-8", true)) }, ""},
		{"a GBK page with its charset in a meta tag", func() []byte { return gbk(portalPage(t, sample, "gb2312", true)) }, "GBK"},
		{"a GBK page without a charset", func() []byte { return gbk(portalPage(t, sample, "", true)) }, "GB18030"},
		{"the title only in the page's <title>", func() []byte { return []byte(portalPage(t, sample, "utf-8", false)) }, ""},
		{"table 二 split into two tables", func() []byte { return []byte(splitTables(portalPage(t, sample, "utf-8", true))) }, ""},
		{"text in spans and divs broken by <br>", func() []byte { return []byte(divsAndSpans(portalPage(t, sample, "utf-8", true))) }, ""},
		{"the whole page laid out in tables", func() []byte {
			p := portalPage(t, sample, "utf-8", true)
			i := strings.Index(p, `<div class="main">`)
			k := strings.Index(p, `<div class="attach">`)
			z := strings.Index(p, `<div id="zoom"`)
			return []byte(p[:i] + `<table width="100%"><tr><td>` + p[i+len(`<div class="main">`):z] + `</td></tr><tr><td>` + p[z:k] +
				`</td></tr><tr><td>` + p[k:] + `</td></tr></table>`)
		}, ""},
		{"an old portal's layout table with the title and metadata as the text of its cells", func() []byte {
			p := portalPage(t, sample, "utf-8", false)
			title := sample.Title()
			p = regexp.MustCompile(`<title>.*?</title>`).ReplaceAllString(p, "")
			i := strings.Index(p, `<div class="info">`)
			z := strings.Index(p, `<div id="zoom"`)
			k := strings.Index(p, `<div class="attach">`)
			return []byte(p[:i] + `<table width="100%"><tr><td class="title">` + title + `</td></tr><tr><td>来源：别斯托别乡 时间：2024-01-19</td></tr><tr><td>` +
				p[z:k] + `</td></tr></table>` + p[k:])
		}, ""},
		{"the 落款 in an element after the article's", func() []byte {
			p := portalPage(t, sample, "utf-8", true)
			i := strings.Index(p, `<p class="nb-sign"`)
			k := strings.LastIndex(p[:strings.Index(p, `<div class="attach">`)], "</div>")
			return []byte(p[:i] + p[k:k+len("</div>")] + `<div style="text-align:right">` + p[i:k] + "</div>" + p[k+len("</div>"):])
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, "页面.html", c.page())
			sameReport(t, "portal_"+strings.ReplaceAll(c.name, " ", "_"), comparable(t, sample), comparable(t, res.Report))
			if res.Uncertain() {
				t.Errorf("uncertain: %v", res.Findings)
			}
			if c.enc != "" && !strings.Contains(res.Format, c.enc) {
				t.Errorf("format %q, want the encoding %s named", res.Format, c.enc)
			}
			for _, want := range []string{"网站支持IPV6", "当前位置：首页 > 政务公开 > 政府信息公开年报", "来源：别斯托别乡 时间：2024-01-19", "扫一扫在手机上查看当前页面", "网站标识码：6540250001　新ICP备05000000号-1"} {
				if !slices.ContainsFunc(res.Dropped, func(d string) bool { return strings.Contains(d, want) }) {
					t.Errorf("%q is not listed as dropped: %q", want, res.Dropped)
				}
			}
			if !slices.ContainsFunc(res.Findings, func(p reports.Finding) bool {
				return p.Severity == reports.Note && strings.Contains(p.Message, "已略去不属于报告的文字")
			}) {
				t.Errorf("no note sums up the dropped chrome: %v", res.Findings)
			}
		})
	}
}

// A report copied from a portal page as text, with the page's header and
// footer around it, imports as the report alone.
func TestCopiedPortalText(t *testing.T) {
	seed := readSeed(t)
	plain := mustImport(t, "seed.txt", []byte(seed))
	header := "登录登录注册注册你好，注销\n网站支持IPV6\n首页\n政务公开\n解读回应\n热门搜索：\n长者模式\n当前位置：首页 > 政务公开 > 政府信息公开年报\n政府信息公开年报\n"
	meta := "来源：别斯托别乡人民政府  时间：2025-03-10\n微信微博QQ空间\n全真版\n文字版\n文件下载\n"
	footer := "\n附件下载\n扫一扫在手机上查看当前页面\n关闭\n省市政府网站\n新疆维吾尔自治区人民政府\n伊犁哈萨克自治州人民政府\n霍城县人民政府\n网站标识码：6540250001 新ICP备05000000号-1\n为确保最佳浏览效果，建议使用1366×768分辨率\n"
	lines := strings.SplitN(strings.TrimLeft(seed, "\n"), "\n", 2) // the title, the rest
	if !strings.Contains(lines[0], "年度报告") {
		t.Fatalf("the seed's first line is not its title: %q", lines[0])
	}
	text := header + lines[0] + "\n" + meta + lines[1] + footer
	res := mustImport(t, "copied.txt", []byte(text))
	sameReport(t, "copied_portal_text", comparable(t, plain.Report), comparable(t, res.Report))
	if len(res.Dropped) < 20 {
		t.Errorf("dropped %d blocks, want the header, the metadata and the footer: %q", len(res.Dropped), res.Dropped)
	}

	// The column name under the title, not above it.
	res = mustImport(t, "copied.txt", []byte(lines[0]+"\n政府信息公开年报\n"+lines[1]))
	if res.Report.Preamble != plain.Report.Preamble {
		t.Errorf("preamble with the column name under the title =\n%s\nwant\n%s", res.Report.Preamble, plain.Report.Preamble)
	}

	// Copied without the title: the page's links before the first
	// sentence are still not the preamble.
	res = mustImport(t, "copied.txt", []byte(header+meta+lines[1]+footer))
	if res.Report.Preamble != plain.Report.Preamble {
		t.Errorf("preamble without a title =\n%s\nwant\n%s", res.Report.Preamble, plain.Report.Preamble)
	}
}

func TestChromeLines(t *testing.T) {
	cases := []struct {
		line       string
		meta, foot bool
	}{
		{"来源:县教育和体育局 发布时间:2025-01-14 10:19 浏览次数: 字体: [ ] 打印", true, false},
		{"体裁分类:政府信息公开年报        主题分类:综合政务        文号:        索引号:000226181/2022-13221", true, false},
		{"字体:【 默认 超大", true, false},
		{"打印整页 打印内容 分享", true, false},
		{"113701243072282028/2025-6626482", true, false},
		{"2025-01-15", true, false},
		{"网站标识码：6540250001 新ICP备05000000号-1", false, true},
		{"扫一扫在手机上查看当前页面", false, true},
		{"本报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。", false, false},
		{"来源于群众的意见建议均已办结。", false, false},
		{"（一）主动公开情况", false, false},
		{"如对本报告有疑问，请联系我们。", false, false},
		{"主办：新源县人民政府办公室", false, true},
		{"附件：别斯托别乡2023年度政府信息公开工作年度报告.docx", false, true},
		{"2023年政府信息公开年报.pdf(356KB)", false, true},
	}
	for _, c := range cases {
		if got := isMetaLine(c.line); got != c.meta {
			t.Errorf("isMetaLine(%q) = %v", c.line, got)
		}
		if got := isFooterLine(c.line); got != c.foot {
			t.Errorf("isFooterLine(%q) = %v", c.line, got)
		}
	}
}

func TestFindTitle(t *testing.T) {
	paras := func(ss ...string) []block {
		var bs []block
		for _, s := range ss {
			bs = append(bs, block{para: s})
		}
		return bs
	}
	cases := []struct {
		name    string
		in      []block
		at, len int
	}{
		{"the column name above the title is not the title", paras("政府信息公开", "政府信息公开工作年度报告", "大英县教育和体育局2024年政府信息公开工作年度报告"), 2, 1},
		{"a breadcrumb is not the organ's line", paras("当前位置:首页 > 政府信息公开年报", "乐至县回澜镇人民政府2019年政府信息公开工作年度报告"), 1, 1},
		{"a title broken after the organ", paras("孝感市人民政府办公室", "2020年政府信息公开工作年度报告", "根据……"), 0, 2},
		{"a title broken after the year", paras("别斯托别乡2023年度", "政府信息公开工作年度报告"), 0, 2},
		{"a title in three lines", paras("新源县别斯托别乡人民政府", "2023年度政府信息公开工作", "年度报告"), 0, 3},
		{"no title", paras("根据《条例》，编制我单位2021年政府信息公开工作年度报告。"), -1, 0},
		{"a sentence announcing the report is not its title", paras("现将我乡2023年政府信息公开工作年度报告公布如下："), -1, 0},
	}
	for _, c := range cases {
		if at, n := findTitle(c.in); at != c.at || n != c.len {
			t.Errorf("%s: findTitle = %d, %d; want %d, %d", c.name, at, n, c.at, c.len)
		}
	}
}

// An archive's text rendering of a page laid out in tables: runs of bars
// around the title and the metadata, which are paragraphs, not table rows.
func TestLayoutTableText(t *testing.T) {
	text := "木场乡人民政府2023年度政府信息公开工作年度报告 |\n|||||||||||||||||||||||||\n" +
		"来源:镇康县木场乡人民政府 作者: 时间:2024-01-16 点击率:【 打印 】【 关闭 】 | ||||||||||||||||||||\n|\n||||||||||||||||||\n" +
		"一、总体情况 本年度报告中所列数据的统计期限为:2023年1月1日——2023年12月31日。\n" +
		"二、主动公开政府信息情况\n第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 1 |\n"
	res := mustImport(t, "木场乡.txt", []byte(text))
	r := res.Report
	if r.Organ.ShortName != "木场乡人民政府" || r.Year != 2023 {
		t.Errorf("organ %q, year %d", r.Organ.ShortName, r.Year)
	}
	if c := r.Cells["t2_1.norms.valid"]; c.String() != "1" {
		t.Errorf("norms.valid = %q", c)
	}
	if !slices.ContainsFunc(res.Dropped, func(d string) bool { return strings.HasPrefix(d, "来源:镇康县木场乡人民政府") }) {
		t.Errorf("the metadata line is not dropped: %q", res.Dropped)
	}
}

// A line broken inside a clause (a <br> in the page) is one paragraph with
// the next; a numbered heading with a comma is not joined.
func TestClauseBrokenAcrossLines(t *testing.T) {
	text := "孝感市人民政府办公室2020年政府信息公开工作年度报告\n一、总体情况\n2020年，市人民政府办公室\n认真贯彻落实各项决策部署，政府信息公开工作取得积极进展。\n（一）加强组织领导，健全工作机制\n我办成立了领导小组。\n"
	res := mustImport(t, "孝感.txt", []byte(text))
	parts := res.Report.Overview.Parts
	if len(parts) != 2 || parts[0].Text != "2020年，市人民政府办公室认真贯彻落实各项决策部署，政府信息公开工作取得积极进展。" ||
		parts[1].Title != "加强组织领导，健全工作机制" {
		t.Errorf("parts = %q", parts)
	}
}

// mhtml wraps page as a browser's “网页，单个文件” does: a MIME message with
// the page quoted-printable (or base64) and a picture after it.
func mhtml(t *testing.T, from string, page []byte, partCharset string, b64 bool) []byte {
	t.Helper()
	const boundary = "----MultipartBoundary--Qm3v2kXQ1w----"
	var b bytes.Buffer
	b.WriteString("From: " + from + "\r\nSnapshot-Content-Location: https://www.xinyuan.gov.cn/zwgk/nb/2024/1.html\r\n" +
		"Subject: =?utf-8?Q?=E5=88=AB=E6=96=AF?=\r\nDate: Fri, 19 Jan 2024 10:00:00 +0800\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n\r\n")
	b.WriteString("--" + boundary + "\r\nContent-Type: text/html")
	if partCharset != "" {
		b.WriteString("; charset=\"" + partCharset + "\"")
	}
	if b64 {
		b.WriteString("\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://www.xinyuan.gov.cn/zwgk/nb/2024/1.html\r\n\r\n")
		enc := base64.StdEncoding.EncodeToString(page)
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\r\n")
	} else {
		b.WriteString("\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.xinyuan.gov.cn/zwgk/nb/2024/1.html\r\n\r\n")
		w := quotedprintable.NewWriter(&b)
		if _, err := w.Write(page); err != nil {
			t.Fatal(err)
		}
		w.Close()
		b.WriteString("\r\n")
	}
	b.WriteString("--" + boundary + "\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://www.xinyuan.gov.cn/images/logo.png\r\n\r\niVBORw0KGgo=\r\n")
	b.WriteString("--" + boundary + "--\r\n")
	return b.Bytes()
}

func TestSavedSingleFilePage(t *testing.T) {
	sample := reports.Sample()
	page := portalPage(t, sample, "utf-8", true)
	gbkPage, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(portalPage(t, sample, "", true)))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"Chrome or Edge, quoted-printable UTF-8", mhtml(t, "<Saved by Blink>", []byte(page), "", false)},
		{"Internet Explorer, GB2312 named by the part only", mhtml(t, "<Saved by Windows Internet Explorer 8>", gbkPage, "gb2312", false)},
		{"base64", mhtml(t, "<Saved by Blink>", []byte(page), "utf-8", true)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, "年报.mhtml", c.data)
			sameReport(t, "mhtml_"+strings.ReplaceAll(c.name, " ", "_"), comparable(t, sample), comparable(t, res.Report))
			if res.Uncertain() {
				t.Errorf("uncertain: %v", res.Findings)
			}
			if !strings.Contains(res.Format, ".mht") {
				t.Errorf("format %q", res.Format)
			}
		})
	}
	if _, err := Import("坏.mht", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: image/png\r\n\r\nabc\r\n--x--\r\n")); err == nil || !strings.Contains(err.Error(), "没有网页内容") {
		t.Errorf("an .mht without a page: %v", err)
	}
}
