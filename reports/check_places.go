package reports

import (
	"slices"
	"strings"
	"unicode"

	"nianbao/reports/gazetteer"
)

// Place names in the texts (OTHER_PLACE) and the unit's kind (UNIT_KIND).
//
// Only real division names count, as the gazetteer has them: at each
// 市/县/区/乡/镇/街道 the longest division name ending there is taken, if it
// starts at a word boundary (see boundaryBefore). A name is never reported
// when it is the organ's own division, one containing it or one within it
// (a county names its townships), when it stands in a list of three or
// more divisions, inside a 书名号 title, or in a run of short lines that is
// plainly a list of links. docs/gazetteer.md describes the rules.

// ownNames are the organ's own places and kind.
type ownNames struct {
	names []string // 新源县, 别斯托别乡, …, as written in the organ's names and address
	kind  string   // "乡", "镇", "街道" or "" when the organ is not one
	short string
	// divs is the organ's division, or every division its name may mean
	// when it is ambiguous; empty when the name names none.
	divs []gazetteer.Division
	// rank is the organ's level as a place rank (see placeRank): without
	// a division, units below it (a county's townships) are named rightly.
	rank int
	// unnamed is true when the report has no organ name: whose places
	// are "other" cannot be told, and OTHER_PLACE stays quiet (EMPTY_ORGAN
	// asks for the name).
	unnamed bool
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

// ownNames resolves the organ to its division and splits its names into
// the units they contain: 新源县别斯托别乡人民政府 gives 新源县 and 别斯托别乡.
// The contact address counts too (an office may sit in the county seat's
// 镇); the 落款 name and the contact office do not: they are checked like
// the texts.
func (c *checker) ownNames() ownNames {
	r := c.r
	var o ownNames
	for _, s := range []string{r.Organ.FullName, r.Organ.ShortName, r.Contact.Address} {
		o.names = appendUnits(o.names, strings.TrimSpace(s))
	}
	o.short = strings.TrimSpace(r.Organ.ShortName)
	o.unnamed = o.short == "" && strings.TrimSpace(r.Organ.FullName) == ""
	o.rank = levelRank(r.Organ.Level)
	if p := ResolveOrgan(r); len(p.Candidates) > 0 {
		o.divs = p.Candidates
		if p.OK() {
			// The division tells the rank even when 层级 is wrong (an
			// import that missed it).
			o.rank = 4 - int(p.Division.Level())
		}
		if p.OK() && p.Division.Kind() != "" {
			o.kind = p.Division.Kind()
			return o
		}
	}
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

// ResolveOrgan finds the report organ's division from its full name, with
// its short name, address and 落款 as context; the short name alone when
// the full name names no division.
func ResolveOrgan(r *Report) gazetteer.Resolution {
	o := r.Organ
	res := gazetteer.Resolve(o.FullName, o.ShortName, r.Contact.Address, r.Signing.Organ)
	if len(res.Candidates) == 0 && strings.TrimSpace(o.ShortName) != "" {
		res = gazetteer.Resolve(o.ShortName, o.FullName, r.Contact.Address, r.Signing.Organ)
	}
	return res
}

// LevelOf derives an organ's level from its full name when the name
// resolves to one division: a township's organs are 乡镇; a county's,
// prefecture's or province's government (人民政府, or the bare name) is
// its 政府 level and anything else (教育局, 人民政府办公室) a department of
// it. ok is false when the name resolves to no single division, or to a
// unit the statistics only treat like a township (北京经济技术开发区).
func LevelOf(fullName string, context ...string) (l Level, d gazetteer.Division, ok bool) {
	res := gazetteer.Resolve(fullName, context...)
	if !res.OK() {
		return "", gazetteer.Division{}, false
	}
	d = res.Division
	gov := false
	switch res.Rest {
	case "", "人民政府", "政府", "办事处", "街道办事处":
		gov = true
	}
	switch d.Level() {
	case gazetteer.Township:
		if d.Kind() == "" {
			// 开发区, 农场 and the like: their 管委会 may be of any level.
			return "", gazetteer.Division{}, false
		}
		return LevelTownship, d, true
	case gazetteer.County:
		if gov {
			return LevelCountyGov, d, true
		}
		return LevelCountyDept, d, true
	case gazetteer.Prefecture:
		if gov {
			return LevelCityGov, d, true
		}
		return LevelCityDept, d, true
	case gazetteer.Province:
		if gov {
			return LevelProvinceGov, d, true
		}
		return LevelProvinceDept, d, true
	}
	return "", gazetteer.Division{}, false
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

// isOwn reports whether a name found in the text is written in one of the
// organ's names or its address (the same, or one ends with the other).
func (o ownNames) isOwn(cand string) bool {
	for _, n := range o.names {
		if n == cand || strings.HasSuffix(cand, n) || strings.HasSuffix(n, cand) {
			return true
		}
	}
	return false
}

// related reports whether one of ds is the organ's division, contains it
// or lies within it.
func (o ownNames) related(ds []gazetteer.Division) bool {
	for _, d := range ds {
		for _, own := range o.divs {
			if own.Contains(d) || d.Contains(own) {
				return true
			}
		}
	}
	return false
}

// boundaryChars before a name mean a word ends there: function words,
// prepositions and verbs of going (对那拉提镇, 赴融安县).
const boundaryChars = "对在将与和及向从到由于至并或其的了是为把被给各全本我该等个以按据经报送已未不也都还就又再共有无请要求作即同跟比往每此中赴去来达驻自"

// stopBigrams are common two-character words after which a name may start:
// 参照巩留县, 借鉴城东街道.
var stopBigrams = splitWords("强化 加强 推进 推动 落实 按照 根据 依据 通过 围绕 结合 配合 协助 督促 指导 开展 建设 完善 优化 提高 提升 深化 全面 组织 召开 参加 联系 联动 发布 公开 要求 统筹 协调 会同 联合 报送 上报 经过 关于 对于 同时 以及 进行 实现 覆盖 涉及 包括 服务 打造 构建 健全 规范 政务 信息 工作 所有 辖内 深入 走进 前往 来自 位于 地处 管辖 下辖 所辖 带动 辐射 助力 美丽 和谐 平安 法治 数字 智慧 依托 借助 利用 提交 呈报 接受 参照 学习 借鉴 指引 帮助 支持 邀请 组建 成立 设立 印发 转发 督导 考察 调研 观摩 交流 对接 协同 牵头 会议 全体")

// genericPlaces are words that are, or end like, a division's name but in
// a report mean something else: 城区 and 郊区 are real district names.
var genericPlaces = map[string]bool{}

func init() {
	for _, w := range strings.Fields("城乡 家乡 下乡 返乡 故乡 他乡 异乡 同乡 老乡 进乡 入乡 城镇 重镇 村镇 集镇 古镇 名镇 小镇 强镇 坐镇 城市 都市 超市 上市 股市 集市 夜市 门市 楼市 开市 闹市 县市 郡县 市县 区县 社区 辖区 园区 景区 城区 市区 片区 地区 小区 山区 牧区 灾区 老区 误区 禁区 盲区 专区 校区 街区 选区 分区 县区 港区 库区 林区 矿区 湾区 学区 农区 边区 郊区 新区 新城区 老城区 主城区 中心城区 开发区 示范区 保护区 功能区 自治区 自治县 行政区 试验区 实验区 工业区 风景区 旅游区 居住区 服务区 核心区 先行区 集聚区 各街道 本街道 全街道") {
		genericPlaces[w] = true
	}
}

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

// boundaryBefore reports whether a name of stem runes (the name without
// its suffix) may start at buf[start]: at the start of the text, after a
// character that is no Chinese one, right after another division's name
// (柳州市融安县), after a function word or a common verb (对长安镇, 参照融安县);
// a name of three or more characters before its suffix anywhere (检查那拉提镇),
// since such names rarely end a longer word. Names of one character before
// the suffix need more (see findMentions).
func boundaryBefore(buf []rune, start, stem, prevEnd int) bool {
	switch {
	case start == 0 || start == prevEnd || !isHan(buf[start-1]):
		return true
	case strings.ContainsRune(boundaryChars, buf[start-1]):
		return true
	case start >= 2 && stopBigramSet[[2]rune{buf[start-2], buf[start-1]}]:
		return true
	}
	return stem >= 3
}

// span is a stretch [start, end) of runes of the text being scanned.
type span struct{ start, end int }

// mention is a division name found in a text.
type mention struct {
	span
	divs  []gazetteer.Division
	quiet bool // in a list, a title or a list of links
}

// findMentions lists the division names in c.buf, in text order.
func (c *checker) findMentions(out []mention) []mention {
	buf := c.buf
	prevEnd := -1
	for i := 0; i < len(buf); i++ {
		n := placeAt(buf, i)
		if n == 0 {
			continue
		}
		end := i + n
		gazetteer.NamesEnding(buf, end, func(start int, ds []gazetteer.Division) bool {
			if start < prevEnd || end-start < 2 {
				return true
			}
			if genericPlaces[string(buf[start:end])] || !boundaryBefore(buf, start, i-start, prevEnd) {
				return true
			}
			// A name of one character before its suffix (和县, 范县, 理县)
			// is too often a word's end (《条例》和县政府, 示范县, 管理县):
			// it counts only right after a division containing it
			// (安徽省和县, 马鞍山市和县).
			if i-start == 1 && (start != prevEnd || !containsAny(out[len(out)-1].divs, ds)) {
				return true
			}
			out = append(out, mention{span: span{start, end}, divs: append([]gazetteer.Division(nil), ds...)})
			prevEnd = end
			return false
		})
		i = end - 1
	}
	quietTitles(buf, out)
	quietLists(buf, out)
	quietLinkLists(buf, out)
	return out
}

// containsAny reports whether one of outer contains one of inner.
func containsAny(outer, inner []gazetteer.Division) bool {
	for _, o := range outer {
		for _, d := range inner {
			if o.Contains(d) {
				return true
			}
		}
	}
	return false
}

// quietTitles marks names inside 《》: 《融安县政务公开实施方案》.
func quietTitles(buf []rune, ms []mention) {
	depth, k := 0, 0
	for i := 0; i < len(buf) && k < len(ms); i++ {
		for k < len(ms) && ms[k].start == i {
			if depth > 0 {
				ms[k].quiet = true
			}
			k++
		}
		switch buf[i] {
		case '《':
			depth++
		case '》':
			depth = max(0, depth-1)
		}
	}
}

// listGap reports whether the text between two names only separates the
// items of a list: 、，和及与 or a space.
func listGap(gap []rune) bool {
	if len(gap) > 2 {
		return false
	}
	for _, r := range gap {
		if !strings.ContainsRune("、，,和及与 /|｜", r) {
			return false
		}
	}
	return true
}

// quietLists marks names in a list of three or more divisions (南宁市、柳州市、
// 桂林市); names written one after another (柳州市融安县) count as one item.
func quietLists(buf []rune, ms []mention) {
	for i := 0; i < len(ms); {
		j, items := i+1, 1
		for ; j < len(ms); j++ {
			gap := buf[ms[j-1].end:ms[j].start]
			if len(gap) == 0 {
				continue // the same item
			}
			if !listGap(gap) {
				break
			}
			items++
		}
		if items >= 3 {
			for k := i; k < j; k++ {
				ms[k].quiet = true
			}
		}
		i = j
	}
}

// quietLinkLists marks names in three or more consecutive short pieces
// without sentence punctuation that each name a division: a footer of
// links ("南宁市人民政府 / 柳州市政府网站 / 桂林市人民政府"), one per line or
// set apart by spaces, slashes or bars.
func quietLinkLists(buf []rune, ms []mention) {
	if len(ms) < 3 {
		return
	}
	type piece struct {
		span
		named bool
	}
	var pieces []piece
	start := 0
	for i := 0; i <= len(buf); i++ {
		if i < len(buf) && !strings.ContainsRune("\n\t /|｜ ", buf[i]) {
			continue
		}
		if i > start {
			pieces = append(pieces, piece{span: span{start, i}})
		}
		start = i + 1
	}
	k := 0
	for p := range pieces {
		for k < len(ms) && ms[k].start < pieces[p].start {
			k++
		}
		if k < len(ms) && ms[k].end <= pieces[p].end {
			s := pieces[p]
			pieces[p].named = s.end-s.start <= 30 && !strings.ContainsAny(string(buf[s.start:s.end]), "。，；,;")
		}
	}
	for p := 0; p < len(pieces); {
		q := p
		for q < len(pieces) && pieces[q].named {
			q++
		}
		if q-p >= 3 {
			for k := range ms {
				if ms[k].start >= pieces[p].start && ms[k].end <= pieces[q-1].end {
					ms[k].quiet = true
				}
			}
		}
		p = max(q, p+1)
	}
}

// checkPlaces warns about division names in the text that are not the
// organ's own, nor contain it, nor lie within it. It returns the spans of
// every division name found, for checkUnitKind.
func (c *checker) checkPlaces(f textField, own ownNames) []span {
	var arr [16]mention
	ms := c.findMentions(arr[:0])
	var spans []span
	var seen []string
	for _, m := range ms {
		spans = append(spans, m.span)
		name := string(c.buf[m.start:m.end])
		if m.quiet || own.unnamed || own.isOwn(name) || slices.Contains(seen, name) {
			continue
		}
		if len(own.divs) > 0 && own.related(m.divs) {
			continue
		}
		if own.rank >= 3 {
			// A province's report names cities and counties elsewhere
			// rightly (对口支援, 长三角一体化); one copied from another
			// province would name that province, which is no 市/县/区.
			continue
		}
		if len(own.divs) == 0 && placeRank(c.buf[m.end-1]) < own.rank {
			continue // no division for the organ: units below its level are named rightly
		}
		seen = append(seen, name)
		who := own.short
		if who == "" {
			who = "本单位"
		}
		where := ""
		if len(m.divs) == 1 {
			if up := m.divs[0].Up(); !up.IsZero() {
				where = "（" + up.Name() + "）"
			}
		}
		c.warnAt(CodeOtherPlace, Location{Section: f.section, Field: f.path(), Offset: m.start},
			"正文提到“"+name+"”"+where+"，不是"+who+"自己的名称，可能是从其他单位的报告复制而来，请核实。")
	}
	return spans
}

// organWords follow 乡/镇/街道 when the text speaks of the unit's own organs.
var organWords = splitWords("人民政府 政府 党委 政务公开办 政务公开 人大 纪委 机关 领导 干部 党政办 综合办 便民服务中心 财政所 办事处")

// unitKindPrefixes before 乡/镇/街道 mean "our own unit".
const unitKindPrefixes = "本我全该"

// checkUnitKind warns when a 乡 speaks of 本镇/镇政府…, a 镇 of 本乡/乡政府…,
// and a 街道 of either; the 乡/镇 that end a real division's name (skip,
// in text order) are that division's, not the unit's kind.
func (c *checker) checkUnitKind(f textField, own ownNames, skip []span) {
	if own.kind == "" {
		return
	}
	buf := c.buf
	sp := 0
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
