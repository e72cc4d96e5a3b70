// Command webextract compares the report extraction of nianbao's importer
// with two maintained readability ports on saved report pages: the real
// 上海市人民政府办公厅 2019 article from the corpus and portal pages built
// around nianbao's own HTML of the sample report. It prints, per page and
// extractor, the time of extraction plus import (and its ratio to
// nianbao's), whether the title, the headings, every cell and the 落款
// came through, and page chrome left in the report's fields.
//
//	cd bench/webextract && go run .
package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	readeck "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/reports"
	"nianbao/reports/importer"
	"nianbao/reports/importer/portalpage"
)

// portal is the portal page the importer's tests read (portalpage.Page);
// the bench stops on its error.
func portal(r *reports.Report, charset string, titleInBody bool) string {
	p, err := portalpage.Page(r, charset, titleInBody)
	if err != nil {
		fail(err)
	}
	return p
}

// fail stops the bench with err.
func fail(err error) {
	fmt.Fprintln(os.Stderr, "webextract:", err)
	os.Exit(1)
}

// chrome are phrases of the page chrome that must not reach the report.
var chrome = []string{"网站支持IPV6", "热门搜索", "当前位置", "来源：", "微信", "全真版", "附件下载", "扫一扫", "省市政府网站", "网站标识码", "ICP备", "为确保最佳浏览效果", "发布日期"}

// page is a saved page and the report it holds.
type page struct {
	name string
	data []byte
	want *reports.Report
}

// yes is the table's yes or NO.
func yes(b bool) string {
	if b {
		return "yes"
	}
	return "NO"
}

// want is the report's narrative text, compared between the expected
// report and the imported one.
func want(r *reports.Report) string {
	txt := r.Preamble + r.Other.Text + r.Other.Fee
	for _, ps := range [][]reports.Part{r.Overview.Parts, r.Improvement.Problems, r.Improvement.Measures, r.Other.Items} {
		for _, p := range ps {
			txt += p.Title + p.Text
		}
	}
	return txt
}

func main() {
	pages := pages()
	exs := extractors()
	fmt.Println("| page | extractor | ms (extract+import) | × nianbao | organ | headings | cells exact | 落款 | chrome in the extractor's output | chrome left in the report | text as expected |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|")
	for _, p := range pages {
		base := 0.0
		for i, e := range exs {
			out, res, ms, err := extract(e, p)
			if base == 0 {
				base = ms
			}
			if err != nil {
				fmt.Printf("| %s | %s | %.1f | | import error: %v |\n", p.name, e.name, ms, err)
				continue
			}
			fmt.Println(row(p, e, i == 0, out, res.Report, ms, base))
		}
	}
}

// pages are the pages compared: a portal page of a short township report
// beside a long related-articles list, the real 上海 page from the corpus,
// and portal pages of the sample in UTF-8, in GBK and with the title only
// in <title>.
func pages() []page {
	s := reports.Sample()
	gbk := func(x string) []byte { b, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(x)); return b }
	sh, err := os.ReadFile("../../reports/importer/testdata/corpus/provincedept-2019-shanghai/report.html")
	if err != nil {
		fail(fmt.Errorf("%w (run it in bench/webextract)", err))
	}
	shRes, err := importer.Import("report.html", sh)
	if err != nil {
		fail(err)
	}
	short := shortReport()
	return []page{
		{"portal page, short township report, long related-articles list", []byte(sidePage(short)), short},
		{"real: 上海市人民政府办公厅 2019 article HTML", sh, shRes.Report},
		{"portal page (UTF-8)", []byte(portal(s, "utf-8", true)), s},
		{"portal page (GBK, meta charset)", gbk(portal(s, "gb2312", true)), s},
		{"portal page, title only in <title>", []byte(portal(s, "utf-8", false)), s},
	}
}

// shortReport is the sample with a few sentences of narrative, so that a
// page's related-articles list holds more text than the report.
func shortReport() *reports.Report {
	short := reports.Sample()
	short.Preamble = "根据《中华人民共和国政府信息公开条例》，编制本年度报告。"
	short.Overview.Parts = []reports.Part{{Title: "主动公开情况", Text: "2023年度，我乡主动公开政府信息1564条。"}, {Title: "依申请公开情况", Text: "2023年度，我乡未收到政府信息公开申请。"}}
	short.Improvement.Problems = []reports.Part{{Text: "公开内容不够全面。"}}
	short.Improvement.Measures = []reports.Part{{Text: "进一步规范公开内容。"}}
	return short
}

// sidePage is the portal page of r with a list of twelve long related
// articles before its attachments.
func sidePage(r *reports.Report) string {
	side := `<div class="side"><h3>相关文章</h3><ul>`
	for i := 0; i < 12; i++ {
		side += fmt.Sprintf(`<li><p>关于印发《新源县%d年乡村振兴重点工作任务分解方案》的通知，请各乡镇、各部门结合实际，认真贯彻落实，确保各项任务按期完成。</p></li>`, 2010+i)
	}
	side += `</ul></div>`
	return strings.Replace(portal(r, "utf-8", true), `<div class="attach">`, side+`<div class="attach">`, 1)
}

// extractor is one way of getting the report out of a page.
type extractor struct {
	name string
	run  func([]byte) (string, error) // returns an HTML page to import
}

// extractors are nianbao's importer on the page as it is (the first, the
// base of the ratios) and the two readability ports, whose article is
// wrapped in a page for the importer.
func extractors() []extractor {
	wrap := func(title, content string) string {
		return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + content + "</body></html>"
	}
	return []extractor{
		{"nianbao rule (importer on the page)", func(b []byte) (string, error) { return string(b), nil }},
		{"go-shiori/go-readability", func(b []byte) (string, error) {
			a, err := shiori.FromReader(bytes.NewReader(b), nil)
			return wrap(a.Title, a.Content), err
		}},
		{"readeck/go-readability v2", func(b []byte) (string, error) {
			a, err := readeck.FromReader(bytes.NewReader(b), nil)
			if err != nil {
				return "", err
			}
			var w bytes.Buffer
			a.RenderHTML(&w)
			return wrap(a.Title(), w.String()), nil
		}},
	}
}

// extract runs the extractor and the import on the page 20 times and
// returns the last extracted page, its import and the milliseconds of one
// run.
func extract(e extractor, p page) (out string, res *importer.Result, ms float64, err error) {
	t0 := time.Now()
	const n = 20
	for i := 0; i < n; i++ {
		out, err = e.run(p.data)
		if err == nil {
			res, err = importer.Import("page.html", []byte(out))
		}
	}
	ms = float64(time.Since(t0).Microseconds()) / 1000 / n
	return out, res, ms, err
}

// row is the table row of one extractor on one page: what came through of
// the expected report r (imported from out), and the page chrome kept in
// the extractor's output (asIs: the page itself) and in the report.
func row(p page, e extractor, asIs bool, out string, r *reports.Report, ms, base float64) string {
	organ := r.Organ.ShortName == p.want.Organ.ShortName
	txtOut := out
	if dec, err := simplifiedchinese.GB18030.NewDecoder().String(out); err == nil && !strings.Contains(out, "总体情况") {
		txtOut = dec
	}
	nh := 0
	for _, h := range []string{"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议、行政诉讼情况", "存在的主要问题", "其他需要报告的事项"} {
		if strings.Contains(txtOut, h) {
			nh++
		}
	}
	exact, total := 0, 0
	for k, c := range p.want.Cells {
		total++
		if r.Cells[k] == c {
			exact++
		}
	}
	sign := r.Organ.FullName == p.want.Organ.FullName && r.Signing.Date == p.want.Signing.Date
	left := chromeLeft(r, p.want)
	same := want(r) == want(p.want)
	kept := "(page as is)"
	if !asIs {
		kept = strings.Join(chromeKept(txtOut, p.want), " ")
	}
	return fmt.Sprintf("| %s | %s | %.1f | %.1f | %s | %d/6 | %d/%d | %s | %s | %s | %s |", p.name, e.name, ms, ms/base, yes(organ), nh, exact, total, yes(sign), kept, strings.Join(left, " "), yes(same))
}

// chromeLeft is the page chrome found in the report's text fields and
// organ names but not in the expected report's text.
func chromeLeft(r, expected *reports.Report) []string {
	var left []string
	txt := want(r) + r.Organ.ShortName + r.Organ.FullName
	for _, c := range chrome {
		if strings.Contains(txt, c) && !strings.Contains(want(expected), c) {
			left = append(left, c)
		}
	}
	return left
}

// chromeKept is the page chrome an extractor kept in its output (tags
// removed) that is not in the expected report's text.
func chromeKept(out string, expected *reports.Report) []string {
	var k []string
	plain := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out, " ")
	for _, c := range chrome {
		if strings.Contains(plain, c) && !strings.Contains(want(expected), c) {
			k = append(k, c)
		}
	}
	return k
}
