package reports

import (
	"strconv"
	"strings"
	"unicode"
)

// textField is one narrative text of the report. The field path is built
// only when a finding needs it.
type textField struct {
	section string
	list    string // "preamble", "overview.parts", "other.fee", …
	index   int    // list index, or -1 for a single field
	sub     string // "title" or "text" for list items
	text    string
}

func (f textField) path() string {
	if f.index < 0 {
		return f.list
	}
	return FieldPath(f.list, f.index, f.sub)
}

// textFields lists the narrative texts in print order.
func (r *Report) textFields(out []textField) []textField {
	out = append(out,
		textField{list: "contact.office", index: -1, text: r.Contact.Office},
		textField{list: "preamble", index: -1, text: r.Preamble})
	parts := func(sec, list string, ps []Part) {
		for i, p := range ps {
			out = append(out,
				textField{section: sec, list: list, index: i, sub: "title", text: p.Title},
				textField{section: sec, list: list, index: i, sub: "text", text: p.Text})
		}
	}
	parts(SectionOverview, "overview.parts", r.Overview.Parts)
	parts(SectionImprovement, "improvement.problems", r.Improvement.Problems)
	parts(SectionImprovement, "improvement.measures", r.Improvement.Measures)
	out = append(out,
		textField{section: SectionOther, list: "other.fee", index: -1, text: r.Other.Fee},
		textField{section: SectionOther, list: "other.text", index: -1, text: r.Other.Text})
	parts(SectionOther, "other.items", r.Other.Items)
	return append(out, textField{list: "signing.organ", index: -1, text: r.Signing.Organ})
}

// CountChars counts the characters of s as the 一千字 limit is read:
// Chinese characters, letters, digits and punctuation, not spaces or line
// breaks.
func CountChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// checkTexts runs the checks of the narrative: emptiness, length, place
// names, years, dates, numbers against the tables, copying.
func (c *checker) checkTexts() {
	r := c.r
	c.checkEmpty()
	n := 0
	for _, p := range r.Overview.Parts {
		n += CountChars(p.Title) + CountChars(p.Text)
	}
	if n > OverviewMaxChars {
		c.warnAt(CodeOverviewLong, Location{Section: SectionOverview, Field: "overview.parts", Offset: -1},
			"一、总体情况共"+strconv.Itoa(n)+"字，超过模板要求的一千字（篇幅原则上不超过一千字）。")
	}
	own := c.ownNames()
	var fields [32]textField
	for _, f := range r.textFields(fields[:0]) {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		c.buf = appendNormalized(c.buf[:0], f.text)
		spans := c.checkPlaces(f, own)
		c.checkUnitKind(f, own, spans)
		c.checkYearsAndDates(f)
		c.checkTextNumbers(f)
	}
	c.checkCopies()
}

// appendNormalized appends the runes of s with full-width digits and
// spaces made ASCII, one rune for one rune, so offsets stay the same.
func appendNormalized(buf []rune, s string) []rune {
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r == 0x3000:
			r = ' '
		}
		buf = append(buf, r)
	}
	return buf
}

// checkEmpty reports sections and parts with no text.
func (c *checker) checkEmpty() {
	r := c.r
	c.emptyList(SectionOverview, "overview.parts", r.Overview.Parts, CodeEmptyOverview, "一、总体情况没有内容。")
	c.emptyList(SectionImprovement, "improvement.problems", r.Improvement.Problems, CodeEmptyProblems, "五、存在的主要问题及改进情况没有列出存在的问题。")
	c.emptyList(SectionImprovement, "improvement.measures", r.Improvement.Measures, CodeEmptyMeasures, "五、存在的主要问题及改进情况没有列出改进措施。")
	if c.t.Version == V2021 && strings.TrimSpace(r.Other.Fee) == "" {
		c.warnAt(CodeEmptyFee, Location{Section: SectionOther, Field: "other.fee", Offset: -1},
			"六、其他需要报告的事项缺少信息处理费的收取情况（模板要求在此专门报告；未收取可写“"+DefaultFeeStatement+"”）。")
	}
	for i, it := range r.Other.Items {
		if strings.TrimSpace(it.Text) == "" {
			c.warnAt(CodeEmptyPart, Location{Section: SectionOther, Field: FieldPath("other.items", i, "text"), Offset: -1},
				"六、其他需要报告的事项第"+strconv.Itoa(i+1)+"项"+quoteTitle(it.Title)+"没有内容。")
		}
	}
}

func (c *checker) emptyList(sec, list string, ps []Part, code, msg string) {
	filled := 0
	for _, p := range ps {
		if strings.TrimSpace(p.Text) != "" {
			filled++
		}
	}
	if filled == 0 {
		c.warnAt(code, Location{Section: sec, Field: list, Offset: -1}, msg)
		return
	}
	name := c.t.Section(sec).Title()
	for i, p := range ps {
		if strings.TrimSpace(p.Text) == "" {
			c.warnAt(CodeEmptyPart, Location{Section: sec, Field: FieldPath(list, i, "text"), Offset: -1},
				name+"第"+strconv.Itoa(i+1)+"部分"+quoteTitle(p.Title)+"没有内容。")
		}
	}
}

func quoteTitle(t string) string {
	if strings.TrimSpace(t) == "" {
		return ""
	}
	return "“" + t + "”"
}

// --- place names --------------------------------------------------------

// ownNames are the organ's own place names and kind.
type ownNames struct {
	names []string // 新源县, 别斯托别乡, …
	kind  string   // "乡", "镇", "街道" or "" when the organ is not one
	short string
	// rank is the organ's level as a place rank (see placeRank): units
	// below it (a county's townships) are named in its report rightly.
	rank int
}

// placeRank ranks a unit by its suffix: 乡/镇/街道 0, 县/区 1, 市 2.
func placeRank(suffix rune) int {
	switch suffix {
	case '县', '区':
		return 1
	case '市':
		return 2
	}
	return 0
}

// levelRank is the place rank of an organ's level.
func levelRank(l Level) int {
	switch l {
	case LevelCountyDept, LevelCountyGov:
		return 1
	case LevelCityDept, LevelCityGov:
		return 2
	case LevelProvinceDept, LevelProvinceGov:
		return 3
	}
	return 0
}

// ownNames splits the organ's names into the units they contain:
// 新源县别斯托别乡人民政府 gives 新源县 and 别斯托别乡. The contact address
// counts too (an office may sit in the county seat's 镇); the 落款 name and
// the contact office do not: they are checked like the texts.
func (c *checker) ownNames() ownNames {
	r := c.r
	var o ownNames
	for _, s := range []string{r.Organ.FullName, r.Organ.ShortName, r.Contact.Address} {
		o.names = appendUnits(o.names, strings.TrimSpace(s))
	}
	o.short = strings.TrimSpace(r.Organ.ShortName)
	o.rank = levelRank(r.Organ.Level)
	for _, s := range []string{o.short, strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(r.Organ.FullName), "人民政府"), "办事处")} {
		switch {
		case strings.HasSuffix(s, "街道"):
			o.kind = "街道"
		case strings.HasSuffix(s, "乡"):
			o.kind = "乡"
		case strings.HasSuffix(s, "镇"):
			o.kind = "镇"
		}
		if o.kind != "" {
			break
		}
	}
	return o
}

// appendUnits appends the pieces of name that end in a unit suffix
// (省, 州, 盟, 市, 县, 旗, 区, 乡, 镇, 街道), and name itself.
func appendUnits(out []string, name string) []string {
	if name == "" {
		return out
	}
	rs := []rune(name)
	start := 0
	for i := 0; i < len(rs); i++ {
		end := -1
		switch rs[i] {
		case '省', '州', '盟', '市', '县', '旗', '区', '乡', '镇':
			end = i + 1
		case '街':
			if i+1 < len(rs) && rs[i+1] == '道' {
				end = i + 2
			}
		}
		if end > start+1 {
			out = append(out, string(rs[start:end]))
			start = end
			i = end - 1
		}
	}
	return append(out, name)
}

// isOwn reports whether a name found in the text is one of the organ's: the
// same, or one ends with the other (the text scan keeps at most four
// characters before the suffix, and may keep a word in front).
func (o ownNames) isOwn(cand string) bool {
	for _, n := range o.names {
		if n == cand || strings.HasSuffix(cand, n) || strings.HasSuffix(n, cand) {
			return true
		}
	}
	return false
}

// stopChars never start or continue a place name read backwards from its
// suffix: function words, pronouns, measure words.
const stopChars = "对在将与和及向从到由于至并或其的了是为把被给各全本我该等个以按据经报送已未不也都还就又再共有无请要求作即同跟比往每此其中省州市县区乡镇村旗盟"

// stopBigrams are common two-character words that end the backward scan:
// "强化镇政务公开办" is 强化 + 镇…, not a place called 强化镇.
var stopBigrams = splitWords("强化 加强 推进 推动 落实 按照 根据 依据 通过 围绕 结合 配合 协助 督促 指导 开展 建设 完善 优化 提高 提升 深化 全面 组织 召开 参加 联系 联动 发布 公开 要求 统筹 协调 会同 联合 报送 上报 经过 关于 对于 同时 以及 进行 实现 覆盖 涉及 包括 服务 打造 构建 健全 规范 政务 信息 工作 所有 辖内 深入 走进 前往 来自 位于 地处 管辖 下辖 所辖 带动 辐射 助力 美丽 和谐 平安 法治 数字 智慧 依托 借助 利用 提交 呈报 接受 参照 学习 借鉴 指引 帮助 支持 邀请 组建 成立 设立 印发 转发")

// genericPlaces are words that end like a place name but are not one.
var genericPlaces = splitWords("城乡 家乡 下乡 返乡 故乡 他乡 异乡 同乡 老乡 进乡 入乡 城镇 重镇 村镇 集镇 古镇 名镇 小镇 强镇 坐镇 城市 都市 超市 上市 股市 集市 夜市 门市 楼市 开市 闹市 县市 郡县 市县 区县 社区 辖区 园区 景区 城区 市区 片区 地区 小区 山区 牧区 灾区 老区 误区 禁区 盲区 专区 校区 街区 选区 分区 县区 港区 库区 林区 矿区 湾区 学区 农区 边区 开发区 示范区 保护区 功能区 自治区 自治县 行政区 试验区 实验区 工业区 风景区 旅游区 居住区 服务区 核心区 先行区 集聚区 各街道 本街道 全街道")

// notAfterPlace are characters that, right after 市/区/县/乡, make a word
// rather than end a name: 市场, 区域, 区分, 县域, 乡村…
var notAfterPlace = map[rune]string{
	'市': "场民容值面价长级委直属",
	'区': "域分别块间长级委直属",
	'县': "域长级委直属城",
	'乡': "村镇土亲愁情贤长级",
	'镇': "长级",
}

func splitWords(s string) [][]rune {
	var out [][]rune
	for _, w := range strings.Fields(s) {
		out = append(out, []rune(w))
	}
	return out
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// placeAt reports whether a place suffix starts at buf[i] and its length.
func placeAt(buf []rune, i int) int {
	switch buf[i] {
	case '乡', '镇', '县', '市', '区':
		if i+1 < len(buf) && strings.ContainsRune(notAfterPlace[buf[i]], buf[i+1]) {
			return 0
		}
		return 1
	case '街':
		if i+1 < len(buf) && buf[i+1] == '道' {
			return 2
		}
	}
	return 0
}

// stopBigramSet is stopBigrams as a set, built once.
var stopBigramSet = func() map[[2]rune]bool {
	m := map[[2]rune]bool{}
	for _, w := range stopBigrams {
		m[[2]rune{w[0], w[1]}] = true
	}
	return m
}()

func endsWithWord(cand []rune, list [][]rune) bool {
	for _, w := range list {
		if len(w) <= len(cand) && hasPrefixRunes(cand[len(cand)-len(w):], w) {
			return true
		}
	}
	return false
}

// span is a stretch [start, end) of runes of the text being scanned.
type span struct{ start, end int }

// checkPlaces finds names of 2–4 characters followed by 乡/镇/街道/县/市/区
// and warns about those that are not the organ's own, leaving out units
// below the organ's level (a county names its townships rightly). It
// returns the spans of the names it did not recognise as the organ's.
//
// Chinese has no spaces, so the name is read backwards from the suffix,
// at most four characters, stopping at punctuation, function words
// (stopChars) and common verbs (stopBigrams); words that only look like
// names (城乡, 社区, 市场…) are left out (genericPlaces, notAfterPlace).
func (c *checker) checkPlaces(f textField, own ownNames) []span {
	buf := c.buf
	var spans []span
	var seen []string
	for i := 0; i < len(buf); i++ {
		n := placeAt(buf, i)
		if n == 0 {
			continue
		}
		start := i
		for j := i - 1; j >= 0 && i-j <= 4; j-- {
			if !isHan(buf[j]) || strings.ContainsRune(stopChars, buf[j]) {
				break
			}
			if j >= 1 && stopBigramSet[[2]rune{buf[j-1], buf[j]}] {
				break
			}
			start = j
		}
		if i-start < 2 {
			i += n - 1
			continue
		}
		cand := buf[start : i+n]
		if endsWithWord(cand, genericPlaces) || placeRank(buf[i]) < own.rank {
			i += n - 1
			continue
		}
		name := string(cand)
		if !own.isOwn(name) && !contains(seen, name) {
			seen = append(seen, name)
			spans = append(spans, span{start, i + n})
			who := own.short
			if who == "" {
				who = "本单位"
			}
			c.warnAt(CodeOtherPlace, Location{Section: f.section, Field: f.path(), Offset: start},
				"正文提到“"+name+"”，不是"+who+"自己的名称，可能是从其他单位的报告复制而来，请核实。")
		} else if !own.isOwn(name) {
			spans = append(spans, span{start, i + n})
		}
		i += n - 1
	}
	return spans
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// organWords follow 乡/镇/街道 when the text speaks of the unit's own organs.
var organWords = splitWords("人民政府 政府 党委 政务公开办 政务公开 人大 纪委 机关 领导 干部 党政办 综合办 便民服务中心 财政所 办事处")

// unitKindPrefixes before 乡/镇/街道 mean "our own unit".
const unitKindPrefixes = "本我全该"

// checkUnitKind warns when a 乡 speaks of 本镇/镇政府…, a 镇 of 本乡/乡政府…,
// and a 街道 of either; spans already reported as other places are skipped.
func (c *checker) checkUnitKind(f textField, own ownNames, skip []span) {
	if own.kind == "" {
		return
	}
	buf := c.buf
	sp := 0 // skip is in text order, and so is i
	for i := 0; i < len(buf); i++ {
		for sp < len(skip) && skip[sp].end <= i {
			sp++
		}
		var kind string
		n := 1
		switch buf[i] {
		case '乡':
			kind = "乡"
		case '镇':
			kind = "镇"
		case '街':
			if i+1 < len(buf) && buf[i+1] == '道' {
				kind, n = "街道", 2
			}
		}
		if kind == "" || kind == own.kind || sp < len(skip) && i >= skip[sp].start {
			continue
		}
		start, end := -1, -1
		if i > 0 && strings.ContainsRune(unitKindPrefixes, buf[i-1]) {
			start, end = i-1, i+n
		} else if i == 0 || !strings.ContainsRune("乡城村各集", buf[i-1]) {
			for _, w := range organWords {
				if hasPrefixRunes(buf[i+n:], w) {
					start, end = i, i+n+len(w)
					break
				}
			}
		}
		if start < 0 {
			continue
		}
		word := string(buf[start:end])
		who := own.short
		if who == "" {
			who = "本单位"
		}
		c.warnAt(CodeUnitKind, Location{Section: f.section, Field: f.path(), Offset: start},
			"本单位是“"+who+"”（"+own.kind+"），正文却写“"+word+"”，可能是从其他"+kind+"的报告复制而来，请核实。")
		i = end - 1
	}
}

func hasPrefixRunes(s, p []rune) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

// --- years and dates ----------------------------------------------------

// lastYearCues before (or 结转 after) last year's number allow it:
// 较2022年, 比2022年, 与2022年相比, 2022年结转.
var lastYearCues = splitWords("较 比 上年 去年 同比 相比 对比 与 结转 转结 决算")

// yearRefCues after any year make it a reference, not a copied date: the
// year a law was revised or a plan's horizon.
var yearRefCues = splitWords("修订 修正 颁布 施行 公布 远景 目标 规划")

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// digitsAt reads the ASCII digits starting at i: their value (capped) and
// the index after them.
func digitsAt(buf []rune, i int) (v int, end int) {
	for end = i; end < len(buf) && isDigit(buf[end]); end++ {
		if v < 1_000_000_000 {
			v = v*10 + int(buf[end]-'0')
		}
	}
	return v, end
}

func skipSpaces(buf []rune, i int) int {
	for i < len(buf) && (buf[i] == ' ' || buf[i] == '\t') {
		i++
	}
	return i
}

// checkYearsAndDates warns about years other than the report year and the
// next, and about malformed dates.
func (c *checker) checkYearsAndDates(f textField) {
	buf := c.buf
	book := 0
	for i := 0; i < len(buf); i++ {
		switch buf[i] {
		case '《':
			book++
			continue
		case '》':
			if book > 0 {
				book--
			}
			continue
		}
		if !isDigit(buf[i]) || i > 0 && (isDigit(buf[i-1]) || buf[i-1] == '.') {
			continue
		}
		v, end := digitsAt(buf, i)
		nd := end - i
		j := skipSpaces(buf, end)
		if j >= len(buf) {
			break
		}
		switch buf[j] {
		case '年':
			if nd >= 5 {
				c.dateWarn(f, i, j+1, "年份“"+string(buf[i:end])+"”位数不对")
			} else if nd == 4 {
				if ok := c.checkDateAfterYear(f, i, v, j+1); ok && book == 0 {
					c.checkYear(f, i, v, j+1)
				}
			}
		case '月':
			if nd >= 5 {
				c.dateWarn(f, i, j+1, "缺少“年”字（年份和月份连在一起）")
			} else if nd <= 2 && (i == 0 || buf[i-1] != '年') {
				c.checkMonthDay(f, i, 2024, v, j+1)
			}
		}
		i = end - 1
	}
}

// checkDateAfterYear checks the month and day after "YYYY年" and reports
// whether the date is well formed.
func (c *checker) checkDateAfterYear(f textField, start, year, after int) bool {
	buf := c.buf
	k := skipSpaces(buf, after)
	if k >= len(buf) || !isDigit(buf[k]) {
		return true
	}
	m, mend := digitsAt(buf, k)
	k2 := skipSpaces(buf, mend)
	if k2 >= len(buf) || buf[k2] != '月' {
		return true
	}
	return c.checkMonthDay(f, start, year, m, k2+1)
}

// checkMonthDay validates month m (and the day after 月 when there is one);
// start is where the date began, after the index just past 月.
func (c *checker) checkMonthDay(f textField, start, year, m, after int) bool {
	buf := c.buf
	if m < 1 || m > 12 {
		c.dateWarn(f, start, after, "没有"+strconv.Itoa(m)+"月")
		return false
	}
	k := skipSpaces(buf, after)
	if k >= len(buf) || !isDigit(buf[k]) {
		return true
	}
	d, dend := digitsAt(buf, k)
	k2 := skipSpaces(buf, dend)
	if k2 >= len(buf) || buf[k2] != '日' && buf[k2] != '号' {
		return true
	}
	if year < 1900 {
		year = 2024 // a leap year: 2月29日 without a year is fine
	}
	if !(Date{year, m, d}).Valid() {
		c.dateWarn(f, start, k2+1, strconv.Itoa(m)+"月没有"+strconv.Itoa(d)+"日")
		return false
	}
	return true
}

func (c *checker) dateWarn(f textField, start, end int, why string) {
	c.warnAt(CodeTextDate, Location{Section: f.section, Field: f.path(), Offset: start},
		"日期“"+string(c.buf[start:end])+"”有误："+why+"。")
}

// checkYear warns about a year that is neither the report year nor the
// next; last year is fine after 较/比/上年/同比… or before 结转 or 决算 (last
// year's accounts are published this year), and any
// year before 修订/施行/远景目标… (a law's or a plan's year).
func (c *checker) checkYear(f textField, start, y, after int) {
	ry := c.r.Year
	if y == ry || y == ry+1 || y < 1900 || y > 2100 {
		return
	}
	buf := c.buf
	next := buf[after:min(len(buf), after+6)]
	if y == ry-1 {
		from := max(0, start-8)
		for _, w := range lastYearCues {
			if indexRunes(buf[from:start], w) >= 0 || indexRunes(next, w) >= 0 {
				return
			}
		}
	}
	if firstOf(next, yearRefCues) >= 0 {
		return // 2019年修订的《条例》, 2035年远景目标
	}
	c.warnAt(CodeTextYear, Location{Section: f.section, Field: f.path(), Offset: start},
		"正文提到“"+string(c.buf[start:after])+"”，本报告是"+strconv.Itoa(ry)+"年度的，请核实年份是否照抄了其他年度的报告。")
}

func indexRunes(s, w []rune) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if hasPrefixRunes(s[i:], w) {
			return i
		}
	}
	return -1
}
