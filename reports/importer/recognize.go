package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"nianbao/reports"
)

// recognizer turns blocks into a report, collecting problems on the way.
type recognizer struct {
	res  *Result
	r    *reports.Report
	tmpl *reports.Template
	// wrapped is set when lines were broken at a fixed width (a PDF copy):
	// paragraphs are rebuilt by joining lines that stop mid-sentence.
	wrapped bool
}

func (rc *recognizer) add(sev reports.Severity, pos reports.Position, format string, a ...any) {
	rc.res.Findings = append(rc.res.Findings, reports.ImportFinding(sev, reports.Location{Source: pos}, fmt.Sprintf(format, a...)))
}

// para is a paragraph with its position.
type para struct {
	text string
	pos  reports.Position
}

// sectionKeys lists, per section, words that identify its heading even
// when it is worded a little differently from the template.
var sectionKeys = []struct {
	key   string
	words []string
}{
	{reports.SectionOverview, []string{"总体情况", "基本情况", "总体概况"}},
	{reports.SectionActive, []string{"主动公开政府信息情况", "主动公开政府信息", "主动公开情况"}},
	{reports.SectionRequests, []string{"收到和处理政府信息公开申请情况", "政府信息公开申请情况", "依申请公开情况", "收到和处理政府信息公开申请"}},
	{reports.SectionReview, []string{"政府信息公开行政复议、行政诉讼情况", "行政复议.行政诉讼", "行政复议和行政诉讼", "行政复议、行政诉讼"}},
	{reports.SectionImprovement, []string{"存在的主要问题及改进情况", "存在的主要问题", "主要问题及改进", "问题及改进"}},
	{reports.SectionOther, []string{"其他需要报告的事项", "其他需要报告", "其他事项"}},
}

// sectionHeading returns the key of the section s heads, or "".
func sectionHeading(s string) string {
	c := canon(s)
	if runeLen(c) > 40 || c == "" || strings.HasSuffix(c, ".") && !reSection.MatchString(s) {
		return ""
	}
	num := ""
	rest := c
	if m := reSection.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		num = m[1]
		rest = canon(strings.TrimSpace(s)[len(m[0]):])
	}
	if strings.Contains(rest, "。") || strings.Count(rest, ".") > 1 || strings.Contains(rest, ",") {
		return ""
	}
	for _, sk := range sectionKeys {
		for _, w := range sk.words {
			if strings.Contains(rest, canon(w)) {
				// Without a number only the exact heading counts.
				if num == "" && rest != canon(w) {
					continue
				}
				// A wrong number only goes with the exact heading
				// (“一、主动公开情况” is a sub-part, not section 二).
				if sec := reports.Lookup(reports.V2021).Section(sk.key); num != "" && num != sec.Number && rest != canon(sec.Heading) {
					continue
				}
				return sk.key
			}
		}
	}
	return ""
}

// rePageNumber matches page numbers a page break leaves in copied text:
// “— 1 —”, “-2-”, “第3页”, “第1页/共5页”. A bare number is not one (it
// may be a table cell).
var rePageNumber = regexp.MustCompile(`^[\-—–－─]+\s*[0-9０-９]{1,3}\s*[\-—–－─]+$|^第\s*[0-9０-９]{1,3}\s*页$|^第\s*[0-9]{1,3}\s*页\s*(/|，)?\s*共\s*[0-9]{1,3}\s*页$`)

func recognize(blocks []block) *Result {
	res := recognizeBlocks(blocks)
	sortFindings(res.Findings)
	return res
}

// sortFindings puts findings in document order.
func sortFindings(fs []reports.Finding) {
	slices.SortStableFunc(fs, func(a, b reports.Finding) int {
		return a.Location.Source.Compare(b.Location.Source)
	})
}

func recognizeBlocks(blocks []block) *Result {
	rc := &recognizer{res: &Result{}, r: reports.New(reports.Today().Year - 1)}
	r := rc.r
	r.Cells = map[reports.CellKey]reports.Cell{}
	r.Overview.Parts = nil
	r.Other.Fee = ""
	r.Year = 0
	rc.res.Report = r
	defer rc.chromeNote()

	blocks = rc.dropDebris(blocks)
	heads, seen := sectionHeadings(blocks)
	// The page's footer after the report.
	if len(heads) > 0 {
		blocks = rc.trimFooter(blocks, heads[len(heads)-1].idx)
	} else {
		blocks = rc.trimFooter(blocks, -1)
	}
	blocks, signOrgan, signPos := rc.signing(blocks, heads)

	// Template version from the labels found, year from the title.
	first := len(blocks)
	if len(heads) > 0 {
		first = heads[0].idx
	}
	rc.front(blocks[:first])
	rc.organ(signOrgan, signPos)
	if r.Year == 0 {
		rc.guessYear(blocks)
	}
	rc.chooseTemplate(blocks)

	tables := rc.sections(blocks, heads)
	for _, b := range blocks[:first] {
		if b.table != nil {
			tables = append(tables, b)
		}
	}
	cellsFound := rc.tables(tables)
	rc.declaredMismatches()

	if len(heads) == 0 && cellsFound == 0 {
		rc.res.Empty = true
		rc.res.Findings = append([]reports.Finding{reports.ImportFinding(reports.Error, reports.Location{}, "没有找到年度报告的内容：既没有“"+rc.tmpl.Section(reports.SectionOverview).Title()+"”等标题，也没有统计表格。请确认导入的是政府信息公开工作年度报告。")}, rc.res.Findings...)
		return rc.res
	}
	for _, sk := range sectionKeys {
		if !seen[sk.key] {
			sec := rc.tmpl.Section(sk.key)
			rc.add(reports.Warning, reports.Position{}, "未找到第%s部分“%s”的标题", sec.Number, sec.Heading)
		}
	}
	return rc.res
}

// dropDebris drops what is not the report's text: page chrome the reader
// marked (listed in the notes), empty paragraphs and page numbers left by
// page breaks; and notes text broken at a fixed width (copied from a PDF).
func (rc *recognizer) dropDebris(blocks []block) []block {
	var kept []block
	for _, b := range blocks {
		if b.chrome {
			if b.table != nil {
				rc.dropChrome(fmt.Sprintf("（网页中报告以外的表格，%d行）", len(b.table.rows)))
			} else {
				rc.dropChrome(b.para)
			}
			continue
		}
		if b.table == nil {
			t := strings.TrimSpace(b.para)
			if t == "" {
				continue
			}
			if rePageNumber.MatchString(t) {
				rc.add(reports.Note, b.pos, "“%s”是页码，已忽略", t)
				continue
			}
			b.para = t
		}
		kept = append(kept, b)
	}
	if rc.wrapped = detectWrapped(kept); rc.wrapped {
		rc.add(reports.Note, reports.Position{}, "文字是按固定宽度折行的（如从 PDF 复制），已把折断的行重新接成段落，请核对段落划分")
	}
	return kept
}

// heading is a section heading found among the blocks: the section's key
// and the block's index.
type heading struct {
	key string
	idx int
}

// sectionHeadings finds the section headings in order, each section once.
func sectionHeadings(blocks []block) (heads []heading, seen map[string]bool) {
	seen = map[string]bool{}
	for i, b := range blocks {
		if b.table != nil {
			continue
		}
		if k := sectionHeading(b.para); k != "" && !seen[k] {
			heads = append(heads, heading{k, i})
			seen[k] = true
		}
	}
	return heads, seen
}

// signing reads the 落款 at the end — the date and the organ, maybe
// followed by the signature line of the signed copy — and returns the
// blocks before it.
func (rc *recognizer) signing(blocks []block, heads []heading) ([]block, string, reports.Position) {
	r := rc.r
	end := len(blocks)
	if end > 0 && blocks[end-1].table == nil && canon(blocks[end-1].para) == canon(reports.SignatureLineText) {
		r.Signing.SignatureLine = true
		end--
	}
	var signOrgan string
	var signPos reports.Position
	for n := 0; n < 2 && end > 0; n++ {
		b := blocks[end-1]
		if b.table != nil || (len(heads) > 0 && end-1 <= heads[len(heads)-1].idx) {
			break
		}
		if d, ok := parseDateLine(b.para); ok && r.Signing.Date.IsZero() {
			r.Signing.Date = d
			end--
			continue
		}
		if signOrgan == "" && looksLikeOrgan(b.para) {
			signOrgan = normText(b.para)
			signPos = b.pos
			end--
			continue
		}
		break
	}
	return blocks[:end], signOrgan, signPos
}

// organ settles the organ's names and level from the title (read by front),
// the 落款's organ, or, with neither, the preamble; and says what is
// missing from the 落款.
func (rc *recognizer) organ(signOrgan string, signPos reports.Position) {
	r := rc.r
	if r.Organ.ShortName == "" && signOrgan == "" {
		// No title and no 落款: the organ the preamble says publishes the
		// report (“现公布××乡人民政府2022年政府信息公开工作年度报告”), else
		// the office it names for questions, when it has an organ's name.
		pre := strings.ReplaceAll(r.Preamble, " ", "")
		if m := reNamesItself.FindStringSubmatch(pre); m != nil && looksLikeOrgan(m[1]) {
			r.Organ.ShortName = normText(m[1])
			rc.add(reports.Warning, reports.Position{}, "报告没有标题和落款，单位名称按导言中的“%s”取为“%s”，请核对", clip(m[0]), r.Organ.ShortName)
		} else if m := reAskOrgan.FindStringSubmatch(pre); m != nil && looksLikeOrgan(m[1]) {
			r.Organ.ShortName = normText(m[1])
			rc.add(reports.Warning, reports.Position{}, "报告没有标题和落款，单位名称按导言中的“请与%s联系”取为“%s”，请核对", m[1], r.Organ.ShortName)
		}
	} else if short, ok := organFromColumn(r.Organ.ShortName, signOrgan); ok {
		rc.add(reports.Note, reports.Position{}, "标题中机关名称前的“%s”不是机关名称（应是网站栏目名），机关简称取为“%s”", strings.TrimSuffix(r.Organ.ShortName, short), short)
		r.Organ.ShortName = short
	}
	if signOrgan != "" {
		r.Organ.FullName = signOrgan
		r.Organ.Level = guessLevel(signOrgan)
		if r.Organ.ShortName == "" {
			r.Organ.ShortName = shortFromFull(signOrgan)
		}
	} else {
		if r.Organ.ShortName != "" {
			r.Organ.Level = guessLevel(r.Organ.ShortName)
		}
		rc.add(reports.Warning, reports.Position{}, "文末未找到落款单位名称，请在“落款”中填写")
	}
	if r.Signing.Date.IsZero() {
		rc.add(reports.Warning, signPos, "文末未找到成文日期（如“2024年1月19日”），请在“落款”中填写")
	}
}

// sections reads each section's text (一, 五, 六) and collects the tables
// of all sections, the rows of tables that lost their tabs included, for
// rc.tables.
func (rc *recognizer) sections(blocks []block, heads []heading) []block {
	var tables []block
	for hi, h := range heads {
		stop := len(blocks)
		if hi+1 < len(heads) {
			stop = heads[hi+1].idx
		}
		var paras []para
		tableSection := h.key == reports.SectionActive || h.key == reports.SectionRequests || h.key == reports.SectionReview
		var spaced *table // table rows that lost their tabs (text copied from a PDF)
		for _, b := range blocks[h.idx+1 : stop] {
			if b.table != nil {
				tables = append(tables, b)
				spaced = nil
				continue
			}
			if tableSection && !isTableNote(b.para) {
				if spaced == nil {
					spaced = &table{pos: b.pos, spaced: true}
					tables = append(tables, block{table: spaced, pos: b.pos})
				}
				spaced.rows = append(spaced.rows, spacedRow(b.para, b.pos))
				continue
			}
			paras = append(paras, para{b.para, b.pos})
		}
		paras = rc.joinBroken(paras)
		switch h.key {
		case reports.SectionOverview:
			rc.overview(paras)
		case reports.SectionImprovement:
			rc.improvement(paras)
		case reports.SectionOther:
			rc.other(paras)
		}
	}
	return tables
}

// isTableNote reports whether a paragraph in a table section is one of the
// notes the template prints there (units, 勾稽关系), which need no import.
func isTableNote(s string) bool {
	c := canon(s)
	return strings.Contains(c, "勾稽关系") || strings.Contains(c, "等于第三项加第四项之和") || strings.HasPrefix(c, "单位:") || strings.Contains(c, "只计算原行为主体") ||
		strings.Contains(c, "统计数据截至")
}

// clip shortens found text for a message, without Word's stray spaces.
func clip(s string) string {
	rs := []rune(normText(s))
	if len(rs) > 30 {
		return string(rs[:30]) + "…"
	}
	return string(rs)
}

var organSuffixes = []string{"政府", "办事处", "局", "委员会", "委", "办公室", "办", "厅", "院", "中心", "所", "站", "署", "会", "部", "处", "队", "管委会", "公司", "馆", "社"}

func looksLikeOrgan(s string) bool {
	c := canon(s)
	if c == "" || runeLen(c) > 40 || strings.ContainsAny(c, ".,;:!?") {
		return false
	}
	for _, suf := range organSuffixes {
		if strings.HasSuffix(c, suf) {
			return true
		}
	}
	return false
}

// guessLevel derives the administrative level from an organ's full name:
// from the gazetteer when the name starts with one division's name (伊宁市
// is a county-level city), else guessed from the suffixes.
func guessLevel(full string) reports.Level {
	if l, _, ok := reports.LevelOf(full); ok {
		return l
	}
	name := canon(full)
	for _, suf := range []string{"人民政府办公室", "人民政府", "政府", "街道办事处", "办事处"} {
		if unit, ok := strings.CutSuffix(name, suf); ok && unit != "" && !strings.HasSuffix(suf, "办公室") {
			switch {
			case strings.HasSuffix(unit, "乡") || strings.HasSuffix(unit, "镇") || strings.HasSuffix(unit, "街道") || suf == "街道办事处":
				return reports.LevelTownship
			case strings.HasSuffix(unit, "县") || strings.HasSuffix(unit, "旗") || strings.HasSuffix(unit, "区") && !strings.HasSuffix(unit, "自治区"):
				return reports.LevelCountyGov
			case strings.HasSuffix(unit, "市") || strings.HasSuffix(unit, "州") || strings.HasSuffix(unit, "盟"):
				return reports.LevelCityGov
			case strings.HasSuffix(unit, "省") || strings.HasSuffix(unit, "自治区"):
				return reports.LevelProvinceGov
			}
			return reports.LevelTownship
		}
	}
	// A department: its level is the last administrative unit in its name.
	type mark struct {
		word  string
		level reports.Level
	}
	best, at := reports.Level(""), -1
	for _, m := range []mark{
		{"乡", reports.LevelTownship}, {"镇", reports.LevelTownship}, {"街道", reports.LevelTownship},
		{"县", reports.LevelCountyDept}, {"旗", reports.LevelCountyDept}, {"区", reports.LevelCountyDept},
		{"市", reports.LevelCityDept}, {"州", reports.LevelCityDept}, {"盟", reports.LevelCityDept},
		{"省", reports.LevelProvinceDept}, {"自治区", reports.LevelProvinceDept},
	} {
		if i := strings.LastIndex(name, m.word); i > at || i == at && i >= 0 && len(m.word) > 3 {
			best, at = m.level, i
		}
	}
	if best == "" {
		return reports.LevelCountyDept
	}
	return best
}

// shortFromFull makes a title name from a full organ name:
// 新源县别斯托别乡人民政府 → 别斯托别乡.
func shortFromFull(full string) string {
	n := strings.TrimSuffix(strings.TrimSuffix(full, "人民政府"), "政府")
	if n == "" {
		return full
	}
	if guessLevel(full) == reports.LevelTownship {
		for _, m := range []string{"县", "区", "市", "旗"} {
			if i := strings.LastIndex(n, m); i >= 0 && i+len(m) < len(n) {
				return n[i+len(m):]
			}
		}
	}
	return n
}

var (
	reTitleYear   = regexp.MustCompile(`^(.*?)(\d{4})年度?(.*)$`)
	rePeriod      = regexp.MustCompile(`自(\d{4})年1月1日`)
	reContact     = regexp.MustCompile(`(?:请联系|联系单位|联系方式)[：:]?(.+?)(?:[，,；;。（(]|$)`)
	reContactWith = regexp.MustCompile(`请与(.+?)联系`)
	rePhone       = regexp.MustCompile(`(?:电话|联系方式)[：:]?\s*([0-9０-９][0-9０-９\-－—（）() ]{5,}[0-9０-９])`)
	reAddress     = regexp.MustCompile(`地址[：:为]?(.+?)(?:[，,；;。]|$)`)
	reYearInText  = regexp.MustCompile(`(\d{4})年`)
	reNamesItself = regexp.MustCompile(`(?:现公布|现将|向社会公布|公布|发布)([^，,。；;：:“”《》（）()]{2,30}?)\d{4}年度?政府信息公开工作(?:年度)?报告`)
	reAskOrgan    = regexp.MustCompile(`请与([^，,。；;（(：:“”]{2,40}?)(?:联系|[（(])`)
)

// front reads the title and the preamble (everything before 一、总体情况).
// What stands before the title, and the page's metadata and buttons under
// it, is page chrome.
func (rc *recognizer) front(blocks []block) {
	r := rc.r
	var preamble []para
	var paras []block
	for _, b := range blocks {
		if b.table == nil {
			paras = append(paras, b)
		}
	}
	ti, tn := findTitle(paras)
	rest := paras
	if ti >= 0 {
		for _, b := range paras[:ti] {
			rc.dropChrome(b.para)
		}
		var title string
		for _, b := range paras[ti : ti+tn] {
			title += canon(b.para)
		}
		rc.title(title, paras[ti].pos)
		rest = paras[ti+tn:]
		// The article's metadata, buttons and repeated headings under the
		// title; a short line amid them (the publishing office) with them.
		lead := true
		for i, b := range rest {
			t := b.para
			chrome := isMetaLine(t) || isBreadcrumb(t) || isRepeatedTitle(t, title) || lead && isColumnName(t)
			if !chrome && lead && i+1 < len(rest) && isLinkLike(t) {
				n := rest[i+1].para
				chrome = isMetaLine(n) || isRepeatedTitle(n, title)
			}
			if chrome {
				rc.dropChrome(t)
				continue
			}
			lead = false
			preamble = append(preamble, para{t, b.pos})
		}
	} else {
		rc.add(reports.Warning, reports.Position{}, "未找到报告标题（如“××乡2023年度政府信息公开工作年度报告”）")
		lead := true
		for _, b := range paras {
			// The page's links before the first sentence are chrome too.
			if isMetaLine(b.para) || isBreadcrumb(b.para) || lead && isShortLine(b.para) {
				rc.dropChrome(b.para)
				continue
			}
			lead = false
			preamble = append(preamble, para{b.para, b.pos})
		}
	}
	var texts []string
	for _, p := range rc.joinBroken(preamble) {
		texts = append(texts, normText(p.text))
	}
	r.Preamble = strings.Join(texts, "\n")
	rc.contact(r.Preamble)
	if r.Year == 0 {
		if m := rePeriod.FindStringSubmatch(asciiDigits(strings.ReplaceAll(r.Preamble, " ", ""))); m != nil {
			r.Year, _ = strconv.Atoi(m[1])
		}
	}
}

// isShortLine reports whether s is a short line without a full stop: a
// link, a button or a label of a page, never a preamble's sentence.
func isShortLine(s string) bool {
	c := canon(s)
	return c != "" && runeLen(c) <= 20 && !strings.ContainsRune(s, '。') && sectionHeading(s) == ""
}

var reYearStart = regexp.MustCompile(`^\d{4}年`)

// findTitle finds the report's title among the paragraphs before 一: the
// first title with a year (a column name such as “政府信息公开工作年度报告”
// above it is not the title), joined with the organ's line above it when
// the title is broken after the organ (“孝感市人民政府办公室” / “2020年政府
// 信息公开工作年度报告”) or before “政府信息公开”. It returns the index of
// the title's first paragraph and how many paragraphs it spans, or -1.
func findTitle(paras []block) (int, int) {
	organLine := func(i int) bool {
		if i < 0 {
			return false
		}
		c := canon(paras[i].para)
		return runeLen(c) <= 30 && !strings.ContainsAny(c, ".,:;") && !isMetaLine(paras[i].para) && !isBreadcrumb(c) && !strings.Contains(c, "报告")
	}
	first := -1
	for i, b := range paras {
		c := canon(b.para)
		if !isTitleLike(c) || isMetaLine(b.para) {
			continue
		}
		if first < 0 {
			first = i
		}
		if !reTitleYear.MatchString(c) {
			continue
		}
		if (reYearStart.MatchString(c) || strings.HasPrefix(c, "政府信息公开")) && organLine(i-1) && !reTitleYear.MatchString(canon(paras[i-1].para)) {
			return i - 1, 2
		}
		return i, 1
	}
	// “别斯托别乡2023年度” / “政府信息公开工作年度报告”.
	for i := 0; i+1 < len(paras); i++ {
		c, next := canon(paras[i].para), canon(paras[i+1].para)
		if organLine(i) && reTitleYear.MatchString(c) && isTitleLike(next) && runeLen(c+next) <= 60 {
			// “新源县别斯托别乡人民政府” / “2023年度政府信息公开工作” / “年度报告”.
			if reYearStart.MatchString(c) && organLine(i-1) && !reTitleYear.MatchString(canon(paras[i-1].para)) {
				return i - 1, 3
			}
			return i, 2
		}
	}
	if first >= 0 {
		return first, 1
	}
	return -1, 0
}

func (rc *recognizer) title(c string, pos reports.Position) {
	r := rc.r
	c = strings.ReplaceAll(c, "\"", "")
	m := reTitleYear.FindStringSubmatch(c)
	if m == nil {
		rc.add(reports.Warning, pos, "标题“%s”中没有年度", c)
		return
	}
	year, _ := strconv.Atoi(m[2])
	if !reports.ValidYear(year) {
		rc.add(reports.Warning, pos, "标题中的年度 %d 不合理", year)
		return
	}
	r.Year = year
	short := m[1]
	if short == "" {
		// 2023年度××乡政府信息公开工作年度报告
		short, _, _ = strings.Cut(m[3], "政府信息公开")
		if short == m[3] {
			short = ""
		}
	}
	r.Organ.ShortName = normText(short)
}

// contact finds the contact office, phone and address in the preamble.
func (rc *recognizer) contact(pre string) {
	r := rc.r
	if m := reContact.FindStringSubmatch(pre); m != nil && !strings.Contains(m[1], "电话") {
		r.Contact.Office = strings.TrimSpace(m[1])
	} else if m := reContactWith.FindStringSubmatch(pre); m != nil && runeLen(m[1]) <= 40 {
		r.Contact.Office = strings.TrimSpace(m[1])
	}
	if m := rePhone.FindStringSubmatch(pre); m != nil {
		r.Contact.Phone = strings.TrimSpace(asciiDigits(m[1]))
	}
	if m := reAddress.FindStringSubmatch(pre); m != nil {
		r.Contact.Address = strings.TrimSpace(m[1])
	}
}

// guessYear is used when the title has no year: the 统计期限, else the
// year before the 落款 date.
func (rc *recognizer) guessYear(blocks []block) {
	r := rc.r
	for _, b := range blocks {
		if b.table != nil {
			continue
		}
		if m := rePeriod.FindStringSubmatch(asciiDigits(strings.ReplaceAll(b.para, " ", ""))); m != nil {
			r.Year, _ = strconv.Atoi(m[1])
			rc.add(reports.Note, b.pos, "年度按统计期限取为 %d", r.Year)
			return
		}
	}
	if !r.Signing.Date.IsZero() {
		r.Year = r.Signing.Date.Year - 1
		rc.add(reports.Warning, reports.Position{}, "未找到报告年度，按落款日期推定为 %d 年度，请核对", r.Year)
		return
	}
	counts := map[int]int{}
	best := 0
	for _, b := range blocks {
		for _, m := range reYearInText.FindAllStringSubmatch(asciiDigits(strings.ReplaceAll(b.para, " ", "")), -1) {
			y, _ := strconv.Atoi(m[1])
			if reports.ValidYear(y) {
				counts[y]++
				if counts[y] > counts[best] {
					best = y
				}
			}
		}
	}
	if best != 0 {
		r.Year = best
		rc.add(reports.Warning, reports.Position{}, "未找到报告年度，按正文中最常出现的年份推定为 %d 年度，请核对", best)
		return
	}
	r.Year = reports.Today().Year - 1
	rc.add(reports.Warning, reports.Position{}, "未找到报告年度，暂定为 %d 年度，请核对", r.Year)
}

// joinBroken joins paragraphs that a page break split in two: one that
// stops in the middle of a sentence (after a comma, or a long one without
// closing punctuation) and is followed by one that is not a new item.
func (rc *recognizer) joinBroken(ps []para) []para {
	var out []para
	for _, p := range ps {
		if n := len(out); n > 0 && brokenAfter(out[n-1].text, rc.wrapped) && !startsItem(p.text) && !isHeadingLine(out[n-1].text) {
			if !rc.wrapped {
				rc.add(reports.Note, p.pos, "此段与上一段（%s）是被分页断开的同一段，已合并", out[n-1].pos)
			}
			out[n-1].text = strings.TrimRight(out[n-1].text, " \u3000") + strings.TrimLeft(p.text, " \u3000")
			continue
		}
		out = append(out, p)
	}
	return out
}

// detectWrapped reports whether the text's lines were broken at a fixed
// width (text copied from a PDF): many long lines stop in mid-sentence.
func detectWrapped(blocks []block) bool {
	long, open := 0, 0
	lengths := map[int]int{}
	for _, b := range blocks {
		if b.table != nil || runeLen(b.para) < 15 || startsItem(b.para) {
			continue
		}
		long++
		rs := []rune(strings.TrimSpace(b.para))
		if last := rs[len(rs)-1]; isWide(last) && !strings.ContainsRune("。！？；：”’」）》…", last) {
			open++
			lengths[len(rs)]++
		}
	}
	// Most of the open lines have one width (give or take a character).
	best := 0
	for l := range lengths {
		best = max(best, lengths[l-1]+lengths[l]+lengths[l+1])
	}
	return open >= 5 && open*2 >= long && best*2 >= open
}

// isHeadingLine reports whether s is a numbered heading (“（一）工作中存在的
// 主要问题和困难”), which never continues on the next line.
func isHeadingLine(s string) bool {
	nb, ok := parseNumbered(s)
	return ok && !strings.ContainsAny(nb.rest, "。，；") && runeLen(nb.rest) <= 30
}

func brokenAfter(s string, wrapped bool) bool {
	s = strings.TrimRight(s, " \u3000")
	rs := []rune(s)
	if len(rs) == 0 {
		return false
	}
	last := rs[len(rs)-1]
	if wrapped && len(rs) >= 12 {
		// Lines broken at a fixed width: only a full stop ends a paragraph.
		return !strings.ContainsRune("。！？”」", last)
	}
	switch last {
	case '，', '、', ',':
		return true
	case '。', '！', '？', '；', '：', '…', '”', '’', '」', '）', ')', '》', '.', ';', ':', '!', '?':
		return false
	}
	if wrapped {
		return len(rs) >= 12 && isWide(last)
	}
	if _, numbered := parseNumbered(s); !numbered && isWide(last) && strings.ContainsAny(s, "，,") {
		// A clause cut off mid-sentence (“2020年，市人民政府办公室” / “认真
		// 贯彻落实……”): a heading has no comma.
		return true
	}
	return len(rs) > 40 && isWide(last)
}

func startsItem(s string) bool {
	if _, ok := parseNumbered(s); ok {
		return true
	}
	return sectionHeading(s) != ""
}

// splitTitle splits the text after an enumeration into a title and text:
// a short line without a stop is a heading (inline false); "主动公开方面。
// 本乡…" is an inline title; a long first sentence means no title.
func splitTitle(rest string) (title, text string, inline, ok bool) {
	rest = strings.TrimSpace(rest)
	if !strings.Contains(rest, "。") && runeLen(rest) <= 30 {
		return rest, "", false, true
	}
	i := strings.Index(rest, "。")
	if j := strings.Index(rest, "："); j >= 0 && (i < 0 || j < i) {
		before := rest[:j]
		if runeLen(before) <= 25 && !strings.ContainsAny(before, "，,；") && before != "" {
			return before + "：", strings.TrimSpace(rest[j+len("："):]), true, true
		}
	}
	if i > 0 {
		before, after := rest[:i], strings.TrimSpace(rest[i+len("。"):])
		// A one-sentence paragraph is text, not a title without text.
		if runeLen(before) <= 25 && !strings.ContainsAny(before, "，,；、") && after != "" {
			return before, after, true, true
		}
	}
	return "", rest, false, false
}

// isStoppedHeading reports whether s is a short heading ended by a full
// stop: no comma or list inside, one sentence.
func isStoppedHeading(s string) bool {
	t := strings.TrimRight(s, "。.")
	return t != "" && t != s && runeLen(t) <= 20 && !strings.ContainsAny(t, "，,、；;。：:")
}

// parts reads a list of titled parts. Numbered paragraphs start parts;
// an unnumbered paragraph continues the titled part before it, or is an
// untitled part of its own.
func (rc *recognizer) parts(ps []para) (parts []reports.Part, style reports.Numbering, inline bool) {
	for i, p := range ps {
		if nb, ok := parseNumbered(p.text); ok {
			if n := len(parts); style != "" && nb.style != style && n > 0 {
				// A sub-item of the part before, numbered in another style
				// (“（二）公开内容” / “1、主动公开信息总数”): its text.
				if parts[n-1].Text != "" {
					parts[n-1].Text += "\n"
				}
				parts[n-1].Text += normText(p.text)
				continue
			}
			if style == "" {
				style = nb.style
			}
			title, text, inl, titled := splitTitle(normText(nb.rest))
			if !titled && isStoppedHeading(text) && i+1 < len(ps) && !startsItem(ps[i+1].text) {
				// “（一）主动公开情况。” on a line of its own: a heading with
				// a stray full stop; the paragraphs after it are its text.
				parts = append(parts, reports.Part{Title: strings.TrimRight(text, "。.")})
				continue
			}
			if !titled {
				parts = append(parts, reports.Part{Text: text})
				continue
			}
			inline = inline || inl
			parts = append(parts, reports.Part{Title: title, Text: text})
			continue
		}
		text := normText(p.text)
		if n := len(parts); n > 0 && parts[n-1].Title != "" {
			if parts[n-1].Text != "" {
				parts[n-1].Text += "\n"
			}
			parts[n-1].Text += text
			continue
		}
		parts = append(parts, reports.Part{Text: text})
	}
	return asOnePart(parts, style), style, inline
}

func (rc *recognizer) overview(ps []para) {
	o := &rc.r.Overview
	parts, style, inline := rc.parts(ps)
	o.Parts = parts
	if style != "" {
		o.Numbering = style
	}
	o.Inline = inline
	if len(parts) == 0 {
		rc.add(reports.Warning, reports.Position{}, "“%s”下没有内容", rc.tmpl.Section(reports.SectionOverview).Title())
	}
}

// groupKind says whether a paragraph heads the problems (1) or the
// measures (2) of section 五, or neither (0), and returns its title.
func groupKind(s string, measuresSeen bool) (int, string) {
	rest := s
	if nb, ok := parseNumbered(s); ok {
		rest = nb.rest
	}
	rest = normText(rest)
	if runeLen(rest) > 30 || strings.Contains(rest, "。") {
		return 0, ""
	}
	title := strings.TrimRight(rest, "：:")
	switch {
	case containsAny(rest, "改进", "措施", "整改", "解决", "打算", "下一步", "计划"):
		return 2, title
	case !measuresSeen && containsAny(rest, "问题", "困难", "不足"):
		return 1, title
	}
	return 0, ""
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (rc *recognizer) improvement(ps []para) {
	im := &rc.r.Improvement
	var problems, measures []para
	group := 0
	foundGroups := 0
	for _, p := range ps {
		// “存在的问题：一是……” — a group label run into its text.
		for _, sep := range []string{"：", "。"} {
			head, rest, ok := strings.Cut(p.text, sep)
			if !ok || runeLen(head) > 18 || strings.TrimSpace(rest) == "" {
				continue
			}
			if g, title := groupKind(head, group == 2); g != 0 && g > group {
				group = g
				foundGroups++
				if g == 1 {
					im.ProblemsTitle = title
				} else {
					im.MeasuresTitle = title
				}
				rc.add(reports.Note, p.pos, "“%s”按“五”的分组标题识别，其后的文字归入该组", head+sep)
				p.text = strings.TrimSpace(rest)
				break
			}
		}
		if g, title := groupKind(p.text, group == 2); g != 0 && g > group {
			group = g
			foundGroups++
			if g == 1 {
				im.ProblemsTitle = title
			} else {
				im.MeasuresTitle = title
			}
			continue
		}
		if group == 2 {
			measures = append(measures, p)
		} else {
			problems = append(problems, p)
		}
	}
	if foundGroups == 0 && len(ps) > 0 {
		if rc.splitUngrouped(ps) {
			return
		}
		// No group headings printed: the groups are untitled, as the
		// outline prints untitled groups.
		im.ProblemsTitle, im.MeasuresTitle = "", ""
		rc.add(reports.Warning, ps[0].pos, "“%s”中未找到“存在的主要问题”和“改进措施”的分组标题，全部内容已放入“存在的主要问题”，请核对", rc.tmpl.Section(reports.SectionImprovement).Title())
	}
	im.Problems, _, _ = rc.parts(problems)
	im.Measures, _, _ = rc.parts(measures)
}

func (rc *recognizer) other(ps []para) {
	o := &rc.r.Other
	var text []string
	i := 0
	for ; i < len(ps); i++ {
		if _, ok := parseNumbered(ps[i].text); ok {
			break
		}
		t := normText(ps[i].text)
		if o.Fee == "" && strings.Contains(t, "处理费") {
			o.Fee = t
			continue
		}
		text = append(text, t)
	}
	o.Text = strings.Join(text, "\n")
	o.Items, _, _ = rc.parts(ps[i:])
}

var (
	sig2019 = []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额", "政府集中采购", "其他对外管理服务事项", "第二十条第(九)项"}
	sig2021 = []string{"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额(单位:万元)"}
)

// chooseTemplate picks the template by the labels of the tables, falling
// back to the one the year requires.
func (rc *recognizer) chooseTemplate(blocks []block) {
	r := rc.r
	n19, n21 := 0, 0
	for _, b := range blocks {
		if b.table == nil {
			continue
		}
		for _, row := range b.table.rows {
			for i, c := range row.cells {
				t := canon(c.text)
				if slices.Contains(sig2019, t) {
					n19++
				}
				if slices.Contains(sig2021, t) {
					n21++
				}
				s := stripNum(t)
				if strings.HasPrefix(s, "申请人无正当理由逾期不补正") || strings.HasPrefix(s, "申请人逾期未按收费通知") {
					n21++
				}
				// 2019: （六）其他处理 is a row with its own numbers.
				if t == "(六)其他处理" && i+1 < len(row.cells) && slices.ContainsFunc(row.cells[i+1:], func(c tcell) bool { return isNumeric(strings.TrimSpace(c.text)) }) {
					if !slices.ContainsFunc(row.cells[i+1:], func(c tcell) bool { return strings.HasPrefix(stripNum(canon(c.text)), "申请人") }) {
						n19++
					}
				}
			}
		}
	}
	byYear := reports.VersionForYear(r.Year)
	v := byYear
	switch {
	case n19 > n21:
		v = reports.V2019
	case n21 > n19:
		v = reports.V2021
	}
	if v != byYear {
		rc.add(reports.Warning, reports.Position{}, "表格标签是%s年版模板的格式，但报告年度 %d 应使用%s年版模板；已按表格标签读取，请核对", v, r.Year, byYear)
	}
	if v != r.Template {
		// Start again from an empty report of that template.
		r.Template = v
	}
	rc.tmpl = reports.Lookup(v)
}

// declaredMismatches notes printed totals that disagree with their parts:
// they are kept as printed, and the checks report them as errors.
func (rc *recognizer) declaredMismatches() {
	r := rc.r
	var names []string
	for _, k := range rc.tmpl.ComputedKeys() {
		d, ok := r.Declared[k]
		if !ok || !d.IsNumber() || d.Value.Cmp(r.Value(k)) == 0 {
			continue
		}
		tb, ri, ci, _ := rc.tmpl.Cell(k)
		names = append(names, fmt.Sprintf("%s（原文%s，相加为%s）", tb.CellName(rc.tmpl, ri, ci), d.Value, r.Value(k)))
	}
	if len(names) == 0 {
		return
	}
	more := ""
	if len(names) > 3 {
		more = fmt.Sprintf("等%d处", len(names))
		names = names[:3]
	}
	rc.add(reports.Note, reports.Position{}, "原文中的合计与各项相加不符：%s%s。已按原文保存为“原文合计”，“检查”会列为错误，请更正后再发布", strings.Join(names, "；"), more)
}

var reEnum = regexp.MustCompile(`^([（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,2}[、.．])$`)

// spacedRow splits a line of a table whose cells lost their tabs (as text
// copied from a PDF has them) into cells: the numbers at the end are
// value cells, the words before them label cells, an enumeration ("1.",
// "(三)") glued to the word after it.
func spacedRow(line string, pos reports.Position) trow {
	tokens := strings.Fields(line)
	k := len(tokens)
	for k > 0 && isNumeric(tokens[k-1]) && !reEnum.MatchString(tokens[k-1]) {
		k--
	}
	var cells []string
	for i := 0; i < k; i++ {
		t := tokens[i]
		if reEnum.MatchString(t) && i+1 < k {
			t += tokens[i+1]
			i++
		}
		// A label with spaces inside brackets or after a comma is one cell.
		if n := len(cells); n > 0 && (unbalanced(cells[n-1]) || strings.HasSuffix(cells[n-1], ",") || strings.HasSuffix(cells[n-1], "，") || strings.HasSuffix(cells[n-1], "、")) {
			cells[n-1] += t
			continue
		}
		cells = append(cells, t)
	}
	cells = append(cells, tokens[k:]...)
	row := trow{pos: pos}
	for i, c := range cells {
		row.cells = append(row.cells, tcell{text: c, col: i})
	}
	return row
}

// unbalanced reports whether s opens more brackets than it closes.
func unbalanced(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '(', '（':
			n++
		case ')', '）':
			n--
		}
	}
	return n > 0
}
