package audit

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"path/filepath"

	"nianbao/reports"
	"nianbao/reports/summary"
)

// pageTemplate is the printable summary for the office's leader: what was
// found, the units to follow up, the copied pairs, the missing units and the
// county report's comparison, on A4.
var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{{.Title}}</title>
<style>
body { font-family: "仿宋_GB2312", "仿宋", FangSong, "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.6; max-width: 190mm; margin: 0 auto; padding: 1em; color: #000; }
h1 { font-family: "方正小标宋简体", "华文中宋", "Noto Serif CJK SC", serif; font-weight: normal; font-size: 20pt; text-align: center; margin: 0.5em 0; }
h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; font-size: 15pt; margin: 1em 0 0.3em 0; }
table { border-collapse: collapse; width: 100%; font-family: "宋体", SimSun, "Noto Serif CJK SC", serif; font-size: 10.5pt; line-height: 1.4; }
th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #ededed; font-weight: normal; }
td.n { text-align: center; white-space: nowrap; }
p.meta { text-align: center; font-size: 11pt; }
blockquote { margin: 0.2em 0; font-size: 10pt; }
@page { size: A4 portrait; margin: 20mm 18mm; }
@media print { body { max-width: none; padding: 0; } tr { page-break-inside: avoid; } thead { display: table-header-group; } }
</style></head><body>
<h1>{{.Title}}</h1>
<p class="meta">生成时间：{{.Made}}　工作簿：{{.Workbook}}</p>
<h2>一、总体情况</h2>
<p>{{.Summary}}</p>
<h2>二、需要关注的单位（{{len .Units}}个）</h2>
{{if .Units}}<table><thead><tr><th>序号</th><th>单位</th><th>文件</th><th>状态</th><th>错误</th><th>警告</th><th>是否按时</th><th>与上年相同</th><th>说明</th></tr></thead><tbody>
{{range $i, $u := .Units}}<tr><td class="n">{{$u.N}}</td><td>{{$u.Name}}</td><td>{{$u.File}}</td><td class="n">{{$u.Status}}</td><td class="n">{{$u.Errors}}</td><td class="n">{{$u.Warnings}}</td><td class="n">{{$u.Timely}}</td><td class="n">{{$u.Prev}}</td><td>{{$u.Reason}}</td></tr>
{{end}}</tbody></table>{{else}}<p>各单位的报告均已读取，未发现错误、逾期或照抄上年。</p>{{end}}
<h2>三、单位之间雷同（{{len .Pairs}}对）</h2>
{{if .Pairs}}<table><thead><tr><th>序号</th><th>单位甲</th><th>单位乙</th><th>相似度</th><th>相同的段落（最长的几处）</th></tr></thead><tbody>
{{range .Pairs}}<tr><td class="n">{{.N}}</td><td>{{.A}}</td><td>{{.B}}</td><td class="n">{{.Share}}</td><td>{{range .Passages}}<blockquote>{{.}}</blockquote>{{end}}</td></tr>
{{end}}</tbody></table>{{else}}<p>未发现正文超过一半相同的单位（{{.Measure}}）。</p>{{end}}
{{if .HasRoster}}<h2>四、未报送单位（{{len .Missing}}个）</h2>
{{if .Missing}}<table><thead><tr><th>序号</th><th>单位</th><th>说明</th></tr></thead><tbody>
{{range $i, $m := .Missing}}<tr><td class="n">{{$m.N}}</td><td>{{$m.Name}}</td><td>{{$m.Reason}}</td></tr>
{{end}}</tbody></table>{{else}}<p>名单中的单位均已报送。</p>{{end}}{{end}}
{{if .County}}<h2>{{if .HasRoster}}五{{else}}四{{end}}、县级报告与各单位之和</h2>
<p>{{.County}}</p>
{{if .Mismatches}}<table><thead><tr><th>单元格</th><th>县级报告</th><th>各单位之和</th></tr></thead><tbody>
{{range .Mismatches}}<tr><td>{{.Where}}</td><td class="n">{{.Report}}</td><td class="n">{{.Sum}}</td></tr>
{{end}}</tbody></table>{{end}}{{end}}
</body></html>
`))

// maxPagePassages is how many passages of a pair the page quotes.
const maxPagePassages = 3

type pageUnit struct {
	N                                int
	Name, File, Status, Timely, Prev string
	Errors, Warnings                 string
	Reason                           string
}

type pagePair struct {
	N        int
	A, B     string
	Share    string
	Passages []string
}

type pageMissing struct {
	N            int
	Name, Reason string
}

type pageData struct {
	Title, Made, Workbook, Summary string
	Measure                        string // how the shares are measured
	Units                          []pageUnit
	Pairs                          []pagePair
	HasRoster                      bool
	Missing                        []pageMissing
	County                         string
	Mismatches                     []Mismatch
}

// WritePage writes the printable summary for the office's leader (HTML,
// for the browser's print): the counts, the units to follow up (unreadable,
// duplicate or of another year, with errors, late, or copied from last
// year), the copied pairs with their longest passages, the missing units and
// the county report's comparison. workbook names the workbook it goes with.
func (a *Audit) WritePage(w io.Writer, workbook string) error {
	d := pageData{
		Title:     fmt.Sprintf("%d年度政府信息公开工作年度报告审核情况", a.Year),
		Made:      reports.Today().Chinese(),
		Workbook:  filepath.Base(workbook),
		Summary:   a.Summary(),
		HasRoster: a.HasRoster,
		Measure:   measure,
	}
	for i, u := range a.Units {
		if u.Status == Checked && u.Errors == 0 && !u.Late() && u.PrevShare <= CopyThreshold {
			continue
		}
		pu := pageUnit{N: i + 1, Name: u.Organ, File: filepath.Base(u.File), Status: u.Status.Chinese(), Reason: u.Reason}
		if u.Report != nil {
			if u.Late() {
				pu.Reason = summary.JoinNote(pu.Reason, fmt.Sprintf("落款%s，晚于%s", u.Date.Chinese(), u.Deadline.Chinese()))
			}
			if u.PrevShare > CopyThreshold {
				pu.Reason = summary.JoinNote(pu.Reason, "正文"+Percent(u.PrevShare)+"与上年报告相同")
			}
			pu.Errors, pu.Warnings, pu.Timely = fmt.Sprint(u.Errors), fmt.Sprint(u.Warnings), u.Timely.Chinese()
			if u.PrevShare >= 0 {
				pu.Prev = Percent(u.PrevShare)
			}
		}
		d.Units = append(d.Units, pu)
	}
	for i, p := range a.Pairs {
		pp := pagePair{N: i + 1, A: a.Units[p.A].Name(), B: a.Units[p.B].Name(), Share: Percent(p.Similarity)}
		pp.Passages = p.Passages[:min(len(p.Passages), maxPagePassages)]
		d.Pairs = append(d.Pairs, pp)
	}
	for i, m := range a.Missing {
		d.Missing = append(d.Missing, pageMissing{N: i + 1, Name: m.Name, Reason: m.Reason})
	}
	if c := a.County; c != nil {
		switch {
		case c.Problem != "":
			d.County = fmt.Sprintf("县级报告 %s：%s。", filepath.Base(c.File), c.Problem)
		case len(c.Mismatches) == 0:
			d.County = fmt.Sprintf("县级报告 %s 的各表格数字与 %d 个单位之和逐格一致。", filepath.Base(c.File), c.Included)
		default:
			d.County = fmt.Sprintf("县级报告 %s 有 %d 个单元格与 %d 个单位之和不一致：", filepath.Base(c.File), len(c.Mismatches), c.Included)
			d.Mismatches = c.Mismatches
		}
	}
	if err := pageTemplate.Execute(w, d); err != nil {
		return fmt.Errorf("写出审核情况网页失败：%w", err)
	}
	return nil
}

// WritePageFile writes the leader's page to path atomically.
func (a *Audit) WritePageFile(path, workbook string) error {
	var b bytes.Buffer
	if err := a.WritePage(&b, workbook); err != nil {
		return err
	}
	return reports.WriteFileAtomic(path, b.Bytes(), false)
}

// PagePath is where the leader's page goes beside the workbook: 审核.xlsx
// gives 审核.html.
func PagePath(workbook string) string {
	return workbook[:len(workbook)-len(filepath.Ext(workbook))] + ".html"
}
