package pdf

import (
	"math"
	"nianbao/internal/golden"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"nianbao/reports"
)

func mustLayout(t *testing.T, r *reports.Report, opts Options) *Document {
	t.Helper()
	doc, err := Layout(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestLayoutGolden(t *testing.T) {
	on := true
	cases := []struct {
		name   string
		report *reports.Report
		opts   Options
	}{
		{"the sample report", reports.Sample(), Options{}},
		{"a long report with a continued table", longReport(), Options{SignatureLine: &on}},
	}
	files := []string{"sample.layout.json", "long.layout.json"}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden.Assert(t, files[i], docJSON(t, mustLayout(t, c.report, c.opts)))
		})
	}
}

// gridRow returns the grid line a text line sits on, or -1 when its
// baseline is not on the body grid.
func gridRow(l *Line) int {
	size := l.Runs[0].Size
	k := (l.Y - MarginTop - LinePitch/2 - 0.38*size) / LinePitch
	if math.Abs(k-math.Round(k)) > 0.01 {
		return -1
	}
	return int(math.Round(k))
}

func flowLines(p *Page) []*Line {
	var out []*Line
	for _, l := range p.Lines {
		switch l.Kind {
		case KindTitle, KindHeading1, KindHeading2, KindHeading3, KindBody, KindSigning:
			out = append(out, l)
		}
	}
	return out
}

func TestGeometry(t *testing.T) {
	cases := []struct {
		name   string
		report *reports.Report
	}{
		{"the sample report", reports.Sample()},
		{"a long report", longReport()},
	}
	right := MarginLeft + TypeWidth
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := mustLayout(t, c.report, Options{})
			full, pure, exact := 0, 0, 0
			for _, p := range doc.Pages {
				rows := map[int]bool{}
				lines := flowLines(p)
				for i, l := range lines {
					text := l.Text()
					if l.X < MarginLeft-0.01 || l.End() > right+0.05 {
						t.Errorf("page %d: line %q runs outside the type area (x %.2f to %.2f)", p.Number, text, l.X, l.End())
					}
					k := gridRow(l)
					if k < 0 || k >= LinesPerPage {
						t.Errorf("page %d: line %q is not on one of the 22 grid lines (y %.2f)", p.Number, text, l.Y)
					}
					if rows[k] {
						t.Errorf("page %d: two lines on grid line %d", p.Number, k)
					}
					rows[k] = true
					if l.Kind == KindBody && !l.Justified && i > 0 && lines[i-1].Kind == KindBody && lines[i-1].Justified {
						chars := 0
						for _, r := range text {
							if !unicode.IsPunct(r) {
								chars++
							}
						}
						if chars < 2 {
							t.Errorf("page %d: a paragraph ends with a lone character: %q", p.Number, text)
						}
					}
					if l.Kind != KindBody || !l.Justified {
						continue
					}
					full++
					if math.Abs(l.End()-right) > 0.05 {
						t.Errorf("page %d: full line %q ends at %.2f, not flush with the right edge %.2f", p.Number, text, l.End(), right)
					}
					// Characters in units of the 3号 grid: 28 a line, give or
					// take what 避头尾 pushes in (half a mark) or out (a
					// character and its mark).
					ems := (l.X - MarginLeft) / CharPitch
					for _, r := range l.Runs {
						ems += (r.Width - r.CharSpacing*float64(len([]rune(r.Text))-1)) / r.Size
					}
					// A number or word pushed down whole may leave more room.
					rs := []rune(text)
					pushed := i+1 < len(lines) && alnum(rs[len(rs)-1]) && alnum([]rune(lines[i+1].Text())[0])
					if !pushed && i+1 < len(lines) {
						pushed = alnum([]rune(lines[i+1].Text())[0])
					}
					if (ems < CharsPerLine-2-0.01 && !pushed) || ems > CharsPerLine+0.5+0.01 {
						t.Errorf("page %d: full line %q holds %.2f characters, want %d", p.Number, text, ems, CharsPerLine)
					}
					if fullWidthOnly(l) {
						pure++
						if math.Abs(ems-CharsPerLine) < 0.01 {
							exact++
						}
					}
				}
				if len(rows) > LinesPerPage {
					t.Errorf("page %d has %d lines, more than %d", p.Number, len(rows), LinesPerPage)
				}
			}
			if full == 0 || pure == 0 || exact*10 < pure*8 {
				t.Errorf("%d of %d full lines of Chinese characters hold exactly %d; want most of them", exact, pure, CharsPerLine)
			}
		})
	}
}

func alnum(r rune) bool { return r < 128 && (r >= '0' && r <= '9' || r >= 'A' && r <= 'z') }

// fullWidthOnly reports whether every character of l is one em wide
// (Chinese characters and full-width punctuation, no digits or Latin).
func fullWidthOnly(l *Line) bool {
	for _, r := range l.Text() {
		if r < 0x2E80 {
			return false
		}
	}
	return true
}

func TestPureChineseLineHoldsTwentyEightCharacters(t *testing.T) {
	r := reports.Sample().Clone()
	r.Preamble = strings.Repeat("政府信息公开工作年度报告", 10)
	doc := mustLayout(t, r, Options{})
	var body []*Line
	for _, l := range doc.Pages[0].Lines {
		if l.Kind == KindBody {
			body = append(body, l)
		}
	}
	if len(body) < 4 {
		t.Fatalf("got %d body lines", len(body))
	}
	if n := len([]rune(body[0].Text())); n != CharsPerLine-2 {
		t.Errorf("first line (indented two characters) holds %d characters, want 26", n)
	}
	for _, l := range body[1:4] {
		if n := len([]rune(l.Text())); n != CharsPerLine {
			t.Errorf("line %q holds %d characters, want 28", l.Text(), n)
		}
	}
}

func TestNoLineStartsWithClosingPunctuation(t *testing.T) {
	r := reports.Sample().Clone()
	// Every offset of a clause against the line end: some line would
	// start with a mark if the breaker ignored 避头尾.
	var paras []string
	for i := 0; i < 28; i++ {
		paras = append(paras, strings.Repeat("政", i)+"本乡（镇）按《条例》公开，“三安全一稳定”事项；电话0999-5027300：已办结！对吗？是的。好……完成——了")
	}
	r.Preamble = strings.Join(paras, "\n")
	for _, c := range []struct {
		name   string
		report *reports.Report
	}{{"clauses at every offset", r}, {"the long report", longReport()}} {
		t.Run(c.name, func(t *testing.T) {
			doc := mustLayout(t, c.report, Options{})
			for _, p := range doc.Pages {
				for _, l := range p.Lines {
					rs := []rune(l.Text())
					if len(rs) == 0 || l.Kind == KindPageNo {
						continue
					}
					if isNoStart(rs[0]) {
						t.Errorf("page %d: line starts with %q: %q", p.Number, rs[0], l.Text())
					}
					if isNoEnd(rs[len(rs)-1]) {
						t.Errorf("page %d: line ends with %q: %q", p.Number, rs[len(rs)-1], l.Text())
					}
					if strings.Contains(l.Text(), "0999") && !strings.Contains(l.Text(), "0999-5027300") {
						t.Errorf("page %d: phone number split: %q", p.Number, l.Text())
					}
				}
			}
		})
	}
}

func TestNumbersAndLatinWordsAreNotSplit(t *testing.T) {
	r := reports.Sample().Clone()
	var paras []string
	for i := 0; i < 28; i++ {
		paras = append(paras, strings.Repeat("政", i)+"全年发布信息1286条并更新Excel台账和PDFarchive文件")
	}
	r.Preamble = strings.Join(paras, "\n")
	doc := mustLayout(t, r, Options{})
	for _, p := range doc.Pages {
		lines := p.Lines
		for i := 0; i+1 < len(lines); i++ {
			a, b := []rune(lines[i].Text()), []rune(lines[i+1].Text())
			if len(a) == 0 || len(b) == 0 || lines[i].Kind != KindBody || lines[i+1].Kind != KindBody {
				continue
			}
			x, y := a[len(a)-1], b[0]
			if alnum(x) && alnum(y) {
				t.Errorf("page %d: a number or word is split between %q and %q", p.Number, lines[i].Text(), lines[i+1].Text())
			}
		}
	}
}

func TestTitleIsBalancedAndCentred(t *testing.T) {
	cases := []struct {
		short string
		year  int
		want  []string
	}{
		{"别斯托别乡", 2023, []string{"别斯托别乡2023年度", "政府信息公开工作年度报告"}},
		{"乡", 2023, []string{"乡2023年度政府信息公开工作年度报告"}},
		{"某某县某某乡", 2023, []string{"某某县某某乡2023年度", "政府信息公开工作年度报告"}},
		{"新源县人民政府", 2023, []string{"新源县人民政府2023年度", "政府信息公开工作年度报告"}},
		{"新疆维吾尔自治区伊犁哈萨克自治州新源县别斯托别乡", 2023, []string{"新疆维吾尔自治区伊犁哈萨克自治州", "新源县别斯托别乡2023年度", "政府信息公开工作年度报告"}},
	}
	for _, c := range cases {
		t.Run(c.short, func(t *testing.T) {
			r := reports.Sample().Clone()
			r.Organ.ShortName, r.Year = c.short, c.year
			doc := mustLayout(t, r, Options{})
			var got []string
			for _, l := range doc.Pages[0].Lines {
				if l.Kind != KindTitle {
					continue
				}
				got = append(got, l.Text())
				if centre := l.X + l.Width/2; math.Abs(centre-(MarginLeft+TypeWidth/2)) > 0.05 {
					t.Errorf("title line %q is centred at %.2f, want %.2f", l.Text(), centre, MarginLeft+TypeWidth/2)
				}
				if l.Runs[0].Size != TitleSize || l.Runs[0].Role != RoleTitle {
					t.Errorf("title line %q in %v %.1f pt, want the title font at 22 pt", l.Text(), l.Runs[0].Role, l.Runs[0].Size)
				}
				if n := len([]rune(l.Text())); n < 3 {
					t.Errorf("title line %q is too short", l.Text())
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("title lines %q, want %q", got, c.want)
			}
		})
	}
}

func TestHeadingsAndLeadIns(t *testing.T) {
	doc := mustLayout(t, reports.Sample(), Options{})
	want := map[string]struct {
		kind Kind
		role Role
	}{
		"一、总体情况":           {KindHeading1, RoleHei},
		"六、其他需要报告的事项":      {KindHeading1, RoleHei},
		"（一）工作中存在的主要问题和困难": {KindHeading2, RoleKai},
		"（二）具体的解决办法和改进措施":  {KindHeading2, RoleKai},
	}
	found := map[string]bool{}
	leads := 0
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			text := l.Text()
			if w, ok := want[text]; ok {
				found[text] = true
				if l.Kind != w.kind || l.Runs[0].Role != w.role {
					t.Errorf("%q is %s in %s, want %s in %s", text, l.Kind, l.Runs[0].Role, w.kind, w.role)
				}
				if math.Abs(l.X-(MarginLeft+2*CharPitch)) > 0.01 {
					t.Errorf("%q starts at %.2f, want two characters in", text, l.X)
				}
			}
			for _, lead := range []string{"1.主动公开方面。本乡", "5.强化督导方面。坚持", "1.加强队伍建设。坚持", "4.健全监督机制。完善"} {
				if strings.HasPrefix(text, lead) {
					leads++
					if l.Kind != KindBody {
						t.Errorf("lead-in %q is a %s line, want it inside the paragraph", lead, l.Kind)
					}
				}
			}
		}
	}
	for text := range want {
		if !found[text] {
			t.Errorf("heading %q not found", text)
		}
	}
	if leads != 4 {
		t.Errorf("found %d of 4 lead-ins at the start of their paragraphs", leads)
	}
}

func TestPageNumbers(t *testing.T) {
	doc := mustLayout(t, longReport(), Options{})
	if len(doc.Pages) < 4 {
		t.Fatalf("long report has %d pages, want at least 4", len(doc.Pages))
	}
	// The dashes' top edge is 7 mm under the type area, and sits where a
	// dash sits on a line (a little above the middle of the characters).
	song := mustFace(t, RoleSong)
	dash, ok := song.glyphTop('—')
	if !ok || dash < 0.2 || dash > 0.6 {
		t.Fatalf("top of — at %.3f em (%v), want it near the middle", dash, ok)
	}
	wantY := round2(MarginTop + TypeHeight + 7*mm + dash*PageNoSize)
	for _, p := range doc.Pages {
		var pn *Line
		for _, l := range p.Lines {
			if l.Kind == KindPageNo {
				pn = l
			}
		}
		if pn == nil {
			t.Fatalf("page %d has no page number", p.Number)
		}
		if want := "— " + strconv.Itoa(p.Number) + " —"; pn.Text() != want {
			t.Errorf("page %d number reads %q, want %q", p.Number, pn.Text(), want)
		}
		if pn.Runs[0].Size != PageNoSize {
			t.Errorf("page number size %.1f, want 14", pn.Runs[0].Size)
		}
		if math.Abs(pn.Y-wantY) > 0.01 {
			t.Errorf("page %d number baseline %.2f, want %.2f (dashes 7 mm below the type area)", p.Number, pn.Y, wantY)
		}
		if p.Number%2 == 1 {
			if want := MarginLeft + TypeWidth - PageNoSize; math.Abs(pn.End()-want) > 0.05 {
				t.Errorf("odd page %d number ends at %.2f, want %.2f (right, one character in)", p.Number, pn.End(), want)
			}
		} else if want := MarginLeft + PageNoSize; math.Abs(pn.X-want) > 0.05 {
			t.Errorf("even page %d number starts at %.2f, want %.2f (left, one character in)", p.Number, pn.X, want)
		}
	}
}

func mustFace(t *testing.T, r Role) *Face {
	t.Helper()
	f, err := newFace("test-"+string(r), embeddedData(r))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSigning(t *testing.T) {
	on := true
	cases := []struct {
		name      string
		opts      Options
		signature bool
	}{
		{"without the signature line", Options{}, false},
		{"with the signature line", Options{SignatureLine: &on}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := mustLayout(t, reports.Sample(), c.opts)
			last := doc.Pages[len(doc.Pages)-1]
			var sign []*Line
			for _, l := range last.Lines {
				if l.Kind == KindSigning {
					sign = append(sign, l)
				}
			}
			want := 2
			if c.signature {
				want = 3
			}
			if len(sign) != want {
				t.Fatalf("落款 has %d lines, want %d", len(sign), want)
			}
			organ, date := sign[0], sign[1]
			if organ.Text() != "新源县别斯托别乡人民政府" || date.Text() != "2024年1月19日" {
				t.Errorf("落款 reads %q / %q", organ.Text(), date.Text())
			}
			if want := MarginLeft + TypeWidth - 4*CharPitch; math.Abs(date.End()-want) > 0.05 {
				t.Errorf("date ends at %.2f, want %.2f (four characters from the right edge)", date.End(), want)
			}
			oc, dc := (organ.X+organ.End())/2, (date.X+date.End())/2
			if math.Abs(oc-dc) > 0.05 {
				t.Errorf("organ centred at %.2f, date at %.2f: want the organ centred over the date", oc, dc)
			}
			if gridRow(date)-gridRow(organ) != 1 {
				t.Errorf("date is not on the line right under the organ")
			}
			// Room for the seal: two empty grid lines above the organ.
			var above *Line
			for _, l := range flowLines(last) {
				if l.Kind != KindSigning && gridRow(l) < gridRow(organ) {
					above = l
				}
			}
			if above == nil || gridRow(organ)-gridRow(above) != 3 {
				t.Errorf("want two empty lines between the text and the organ")
			}
			if c.signature && sign[2].Text() != "单位负责人（签字）：" {
				t.Errorf("signature line reads %q", sign[2].Text())
			}
		})
	}
}

func TestFallbackFontForRareCharacters(t *testing.T) {
	r := reports.Sample().Clone()
	r.Preamble = "联系人王堃、李镕、张喆、赵珺、钱赟和吉𠮷负责本报告。"
	doc := mustLayout(t, r, Options{})
	if len(doc.Missing) != 0 {
		t.Errorf("missing characters reported: %v", doc.Missing)
	}
	fang := mustFace(t, RoleFang)
	var fallback string
	for _, l := range doc.Pages[0].Lines {
		for _, run := range l.Runs {
			if run.Fallback {
				fallback += run.Text
				if run.Font != doc.Fallback {
					t.Errorf("fallback run %q in %s, want %s", run.Text, run.Font, doc.Fallback)
				}
			}
		}
	}
	for _, c := range "堃镕喆珺赟𠮷" {
		if fang.m.has(c) {
			t.Logf("the body font has %c now", c)
			continue
		}
		if !strings.ContainsRune(fallback, c) {
			t.Errorf("%c is not drawn from the fallback font (fallback runs: %q)", c, fallback)
		}
	}
}

func TestMissingCharactersAreListed(t *testing.T) {
	r := reports.Sample().Clone()
	song := mustFace(t, RoleSong)
	const rare = '\U0002A6A5' // 𪚥, outside every embedded font
	if song.m.has(rare) {
		t.Skip("the fallback font covers the test character")
	}
	r.Improvement.Measures[1].Text = "强化" + string(rare) + "沟通。"
	doc := mustLayout(t, r, Options{})
	if len(doc.Missing) != 1 {
		t.Fatalf("missing = %v, want one entry", doc.Missing)
	}
	m := doc.Missing[0]
	if m.Char != string(rare) || m.Location.Section != reports.SectionImprovement || m.Location.Field != "improvement.measures.1.text" || m.Location.Offset != 2 {
		t.Errorf("missing = %+v, want %c in improvement.measures.1.text at offset 2", m, rare)
	}
	found := false
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			if strings.Contains(l.Text(), "强化□沟通") {
				found = true
			}
		}
	}
	if !found {
		t.Error("the missing character is not marked with □ in the text")
	}
}

func TestTableContinuesWithHeaderRepeated(t *testing.T) {
	doc := mustLayout(t, longReport(), Options{})
	pagesWith := func(text string) []int {
		var out []int
		for _, p := range doc.Pages {
			for _, l := range p.Lines {
				if l.Kind == KindCell && l.Text() == text {
					out = append(out, p.Number)
					break
				}
			}
		}
		return out
	}
	header := pagesWith("申请人情况")
	if len(header) < 2 {
		t.Fatalf("table 三 header on pages %v, want it repeated on the continuation page", header)
	}
	first, last := pagesWith("一、本年新收政府信息公开申请数量"), pagesWith("四、结转下年度继续办理")
	if len(first) != 1 || len(last) != 1 || first[0] == last[0] {
		t.Errorf("first row on %v, last row on %v: want one each, on different pages", first, last)
	}
	// No row is cut: the numbers of each row are on one page, on one line
	// (a number shrunk to fit its column sits a little lower).
	tb := reports.Sample().Tmpl().Table(reports.TableT3)
	r := longReport()
	for ri := range tb.Rows {
		pages := map[int]bool{}
		lo, hi := math.Inf(1), math.Inf(-1)
		for ci := range tb.Columns {
			want := r.Display(tb, ri, ci)
			for _, p := range doc.Pages {
				for _, l := range p.Lines {
					if l.Kind == KindCell && l.Text() == want && l.Section == reports.SectionRequests {
						pages[p.Number] = true
						lo, hi = math.Min(lo, l.Y), math.Max(hi, l.Y)
					}
				}
			}
		}
		if len(pages) != 1 || hi-lo > 2 {
			t.Errorf("row %s: its numbers are on pages %v between y %.2f and %.2f, want one line", tb.Rows[ri].Key, pages, lo, hi)
		}
	}
	// Rules stay inside the type area.
	for _, p := range doc.Pages {
		for _, rule := range p.Rules {
			if rule.Y2 > MarginTop+TypeHeight+0.05 || rule.Y1 < MarginTop-0.05 || rule.X2 > MarginLeft+TypeWidth+0.05 {
				t.Errorf("page %d: rule %+v leaves the type area", p.Number, rule)
			}
		}
	}
}

func TestTableFourFitsTheWidth(t *testing.T) {
	doc := mustLayout(t, reports.Sample(), Options{})
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			if l.Kind == KindCell && (l.X < MarginLeft || l.End() > MarginLeft+TypeWidth+0.05) {
				t.Errorf("page %d: cell text %q outside the type area", p.Number, l.Text())
			}
		}
	}
	tb := reports.Sample().Tmpl().Table(reports.TableT4)
	widths := tb.ColumnWidths(TypeWidth)
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	if len(widths) != 15 || math.Abs(sum-TypeWidth) > 0.01 {
		t.Errorf("table 四 has %d columns %.2f wide in all, want 15 on %.2f", len(widths), sum, TypeWidth)
	}
}

func TestUnknownFontChoiceIsRefused(t *testing.T) {
	_, err := Layout(reports.Sample(), Options{Fonts: "comic"})
	if err == nil || !strings.Contains(err.Error(), "comic") {
		t.Errorf("err = %v, want a message naming the bad choice", err)
	}
}

func TestMissingFindings(t *testing.T) {
	r := reports.Sample().Clone()
	r.Other.Fee = "收费" + string('\U0002A6A5') + "元。"
	doc := mustLayout(t, r, Options{})
	fs := MissingFindings(doc)
	if len(fs) != 1 || fs[0].Severity != reports.Warning || fs[0].Location.Field != "other.fee" || !strings.Contains(fs[0].Message, "𪚥") {
		t.Errorf("findings = %+v, want one warning on other.fee naming 𪚥", fs)
	}
	if fs := MissingFindings(mustLayout(t, reports.Sample(), Options{})); len(fs) != 0 {
		t.Errorf("the sample has findings %+v", fs)
	}
}

// noTextLostCases drive both TestNoTextIsLost and FuzzNoTextIsLost.
var noTextLostCases = []struct {
	name string
	text string
}{
	{"a web address longer than a line", "报告全文见https://www.xinyuan.gov.cn/zwgk/zfxxgk/ndbg/2023/index_publicinfo_annual_report_detail.html，欢迎查阅。"},
	{"closing marks only", strings.Repeat("）", 40)},
	{"opening marks only", strings.Repeat("《", 40)},
	{"tabs, spaces and letters", "第一\t项 ABC def\u3000全角空格 1,234.56 万元"},
	{"one character", "无"},
	{"a long number", strings.Repeat("1234567890", 9)},
}

// checkNoTextLost prints text as the fee statement and checks that every
// character comes out, inside the type area.
func checkNoTextLost(t *testing.T, text string) {
	r := reports.Sample().Clone()
	r.Other.Fee = text
	doc := mustLayout(t, r, Options{})
	var got strings.Builder
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			if l.Section == reports.SectionOther && l.Kind == KindBody {
				got.WriteString(l.Text())
			}
			if l.Kind != KindPageNo && (l.X < MarginLeft-0.01 || l.End() > MarginLeft+TypeWidth+0.05) {
				t.Errorf("line %q leaves the type area (%.2f to %.2f)", l.Text(), l.X, l.End())
			}
		}
	}
	// Control characters are not printed; an empty statement prints 无。
	want := squash(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == 0xFEFF || r == 0x200B {
			return -1
		}
		return r
	}, text))
	if want == "" {
		want = "无。"
	}
	printed := squash(got.String())
	if len(doc.Missing) > 0 {
		return // characters printed as □ are listed instead
	}
	if printed != want {
		t.Errorf("printed %q, want %q", printed, want)
	}
}

func TestNoTextIsLost(t *testing.T) {
	for _, c := range noTextLostCases {
		t.Run(c.name, func(t *testing.T) { checkNoTextLost(t, c.text) })
	}
}

func FuzzNoTextIsLost(f *testing.F) {
	for _, c := range noTextLostCases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			t.Skip()
		}
		checkNoTextLost(t, text)
	})
}

func TestImprovementNumbering(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(r *reports.Report)
		lines []string // the starts of the lines of 五, in order
	}{
		{"the sample: one untitled problem, titled measures", func(r *reports.Report) {},
			[]string{"五、存在的主要问题及改进情况", "（一）工作中存在的主要问题和困难", "一是日常工作繁忙", "（二）具体的解决办法和改进措施", "1.加强队伍建设。坚持"}},
		{"untitled problems in a list of several are numbered", func(r *reports.Report) {
			r.Improvement.Problems = []reports.Part{{Text: "问题甲。"}, {}, {Text: "问题乙。"}}
		}, []string{"五、存在的主要问题及改进情况", "（一）工作中存在的主要问题和困难", "1.问题甲。", "2.问题乙。", "（二）具体的解决办法和改进措施"}},
		{"an untitled item among titled ones is numbered", func(r *reports.Report) {
			r.Improvement.Problems = []reports.Part{{Title: "宣传不够", Text: "问题甲。"}, {Text: "问题乙。"}}
		}, []string{"五、存在的主要问题及改进情况", "（一）工作中存在的主要问题和困难", "1.宣传不够。问题甲。", "2.问题乙。"}},
		{"a group without its title has no heading", func(r *reports.Report) {
			r.Improvement.MeasuresTitle = ""
		}, []string{"五、存在的主要问题及改进情况", "（一）工作中存在的主要问题和困难", "一是日常工作繁忙", "1.加强队伍建设。坚持"}},
		{"no problems: the measures become （一）", func(r *reports.Report) {
			r.Improvement.Problems, r.Improvement.ProblemsTitle = nil, ""
		}, []string{"五、存在的主要问题及改进情况", "（一）具体的解决办法和改进措施", "1.加强队伍建设。坚持"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := reports.Sample().Clone()
			c.edit(r)
			doc := mustLayout(t, r, Options{})
			var starts []string
			for _, p := range doc.Pages {
				for _, l := range p.Lines {
					if l.Section == reports.SectionImprovement && l.Kind != KindCell && l.X < MarginLeft+2*CharPitch+0.01 && l.X > MarginLeft+0.01 {
						starts = append(starts, l.Text())
					}
				}
			}
			for i, want := range c.lines {
				if i >= len(starts) || !strings.HasPrefix(starts[i], want) {
					t.Fatalf("paragraph starts %q, want them to begin %q", starts, c.lines)
				}
			}
		})
	}
}

func TestSigningWithLongOrganName(t *testing.T) {
	cases := []struct {
		name  string
		organ string
		lines int
	}{
		{"a long name moves left", "新疆维吾尔自治区伊犁哈萨克自治州新源县人民政府", 1},
		{"a very long name wraps", "新疆维吾尔自治区伊犁哈萨克自治州新源县别斯托别乡人民政府办公室政务公开科", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := reports.Sample().Clone()
			r.Signing.Organ = c.organ
			doc := mustLayout(t, r, Options{})
			var got []string
			for _, p := range doc.Pages {
				for _, l := range p.Lines {
					if l.Kind != KindSigning {
						continue
					}
					if l.X < MarginLeft-0.01 || l.End() > MarginLeft+TypeWidth+0.05 {
						t.Errorf("落款 line %q leaves the type area (%.2f to %.2f)", l.Text(), l.X, l.End())
					}
					got = append(got, l.Text())
				}
			}
			if len(got) != c.lines+1 || strings.Join(got[:c.lines], "") != c.organ || got[c.lines] != "2024年1月19日" {
				t.Errorf("落款 lines %q, want the organ on %d line(s) then the date", got, c.lines)
			}
		})
	}
}

func TestUnknownFontSettingInTheReportPrintsEmbedded(t *testing.T) {
	r := reports.Sample().Clone()
	r.Signing.Fonts = "fangzheng"
	doc := mustLayout(t, r, Options{})
	if doc.Fonts[RoleFang] != "nianbao-fang" {
		t.Errorf("body font %s, want the embedded one", doc.Fonts[RoleFang])
	}
	if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0], "fangzheng") {
		t.Errorf("notes %q, want one naming the setting", doc.Notes)
	}
}
