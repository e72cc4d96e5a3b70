package importer

import (
	"regexp"
	"strconv"
	"strings"

	"nianbao/reports"
)

// Section 五 written without its two group headings, as one paragraph or
// a few: "…仍有不足，如…。2025年，将重点从以下方面做好改进：一是…二是…".
// The text is split at the sentence that turns to the measures, and the
// measures at 一是/二是 into items; the import says so as uncertain.

// reMeasuresTurn finds a sentence that turns to the measures: "将……改进：",
// "下一步", "改进措施：", "针对上述问题".
var reMeasuresTurn = regexp.MustCompile(`将[^。！？；]{0,40}?(?:改进|整改|完善|提升|加强|努力)[^。！？；]{0,12}?[：:]|下一步|(?:改进|整改)(?:措施|计划|方向|情况)[：:]|针对(?:上述|以上|这些|存在的)问题`)

// turnToMeasures finds where the measures start in ps: the paragraph and
// the byte offset of the sentence holding the first turn, and that
// sentence. The problems must not be empty: a turn at the very start is
// not one.
func turnToMeasures(ps []para) (pi, at int, sentence string, ok bool) {
	for i, p := range ps {
		loc := reMeasuresTurn.FindStringIndex(p.text)
		if loc == nil {
			continue
		}
		start := 0
		for _, stop := range []string{"。", "！", "？", "；"} {
			if k := strings.LastIndex(p.text[:loc[0]], stop); k >= 0 && k+len(stop) > start {
				start = k + len(stop)
			}
		}
		if i == 0 && strings.TrimSpace(p.text[:start]) == "" {
			return 0, 0, "", false
		}
		end := len(p.text)
		if k := strings.IndexAny(p.text[loc[1]:], "。！？"); k >= 0 {
			end = loc[1] + k
		}
		return i, start, strings.TrimSpace(p.text[start:end]), true
	}
	return 0, 0, "", false
}

// itemMarkers are the enumerations of items inside a sentence.
var itemMarkers = []string{"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"}

// splitItems splits text at 一是, 二是, … (in this order, each after the
// start or a punctuation mark) into items without their markers; the text
// before 一是 is the lead. ok is false with fewer than two items.
func splitItems(text string) (lead string, items []string, ok bool) {
	var cuts []int
	from := 0
	for _, m := range itemMarkers {
		k := -1
		for s := from; s < len(text); {
			j := strings.Index(text[s:], m)
			if j < 0 {
				break
			}
			j += s
			if j == 0 || strings.ContainsRune("：:，,。；;\n ", lastRune(text[:j])) {
				k = j
				break
			}
			s = j + len(m)
		}
		if k < 0 {
			break
		}
		cuts = append(cuts, k)
		from = k + len(m)
	}
	if len(cuts) < 2 {
		return "", nil, false
	}
	lead = strings.TrimSpace(text[:cuts[0]])
	for i, c := range cuts {
		end := len(text)
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		it := strings.TrimSpace(text[c+len(itemMarkers[i]) : end])
		it = strings.TrimLeft(it, "，,：:")
		// An item ends its sentence: "…；" or "…，" before the next marker.
		if t := strings.TrimRight(it, "；;，,"); t != it {
			it = t + "。"
		}
		items = append(items, it)
	}
	return lead, items, true
}

// splitUngrouped splits the paragraphs of a 五 without group headings into
// problems and measures. It returns false, changing nothing, when no turn
// to the measures is found.
func (rc *recognizer) splitUngrouped(ps []para) bool {
	pi, at, sentence, ok := turnToMeasures(ps)
	if !ok {
		return false
	}
	im := &rc.r.Improvement
	var problems, measures []para
	problems = append(problems, ps[:pi]...)
	if before := strings.TrimSpace(ps[pi].text[:at]); before != "" {
		problems = append(problems, para{before, ps[pi].pos})
	}
	measures = append(measures, para{strings.TrimSpace(ps[pi].text[at:]), ps[pi].pos})
	measures = append(measures, ps[pi+1:]...)

	im.Problems, _, _ = rc.parts(problems)
	detail := ""
	if len(measures) == 1 {
		lead, items, ok := splitItems(normText(measures[0].text))
		leadOK := lead == "" || runeLen(lead) <= 40 && (strings.HasSuffix(lead, "：") || strings.HasSuffix(lead, ":"))
		if ok && leadOK {
			im.MeasuresTitle = strings.TrimRight(lead, "：:")
			for _, it := range items {
				im.Measures = append(im.Measures, reports.Part{Text: it})
			}
			detail = "，改进措施按“一是、二是……”分为" + strconv.Itoa(len(items)) + "项"
			if lead != "" {
				detail += "，“" + clip(lead) + "”作为改进措施的标题"
			}
		}
	}
	if im.Measures == nil {
		im.Measures, _, _ = rc.parts(measures)
	}
	rc.add(reports.Warning, ps[pi].pos, "“%s”没有分组标题，已在“%s”处分为“存在的主要问题”和“改进措施”%s，需核对", rc.tmpl.Section(reports.SectionImprovement).Title(), clip(sentence), detail)
	return true
}
