package reports

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// SimilarRun is the shortest run of identical characters Similarity counts:
// shorter common pieces are stock phrases (政务公开, 信息公开工作), longer
// ones are copied sentences.
const SimilarRun = 8

// Similarity is the share (0–1) of the characters of text that lie in a
// run of at least SimilarRun characters also found in prev. Spaces and
// line breaks are ignored and every digit counts as the same digit, so a
// text copied with only its years and figures changed still counts as
// copied. Evaluators penalise more than 50% (CopyThreshold).
func Similarity(text, prev string) float64 {
	a := similarRunes(nil, text)
	b := similarRunes(nil, prev)
	return similarity(a, b)
}

// similarRunes appends the runes of s that Similarity compares.
func similarRunes(buf []rune, s string) []rune {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			r = '0'
		}
		buf = append(buf, r)
	}
	return buf
}

// windowHashes returns the sorted hashes of every SimilarRun-rune window.
func windowHashes(s []rune) []uint64 {
	if len(s) < SimilarRun {
		return nil
	}
	out := make([]uint64, 0, len(s)-SimilarRun+1)
	var h, pow uint64 = 0, 1
	const base = 1_000_003
	for i := 0; i < SimilarRun-1; i++ {
		pow *= base
	}
	for i, r := range s {
		if i >= SimilarRun {
			h -= uint64(s[i-SimilarRun]) * pow
		}
		h = h*base + uint64(r)
		if i >= SimilarRun-1 {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

func similarity(a, b []rune) float64 {
	if len(a) == 0 || len(b) < SimilarRun {
		return 0
	}
	prev := windowHashes(b)
	covered := 0
	coveredTo := 0 // a[:coveredTo] is known covered up to here
	var h, pow uint64 = 0, 1
	const base = 1_000_003
	for i := 0; i < SimilarRun-1; i++ {
		pow *= base
	}
	for i, r := range a {
		if i >= SimilarRun {
			h -= uint64(a[i-SimilarRun]) * pow
		}
		h = h*base + uint64(r)
		if i < SimilarRun-1 {
			continue
		}
		if _, found := slices.BinarySearch(prev, h); found {
			start := max(i-SimilarRun+1, coveredTo)
			covered += i + 1 - start
			coveredTo = i + 1
		}
	}
	return float64(covered) / float64(len(a))
}

// checkCopies compares 五 and the whole narrative with last year's.
func (c *checker) checkCopies() {
	p := c.prev
	if p == nil {
		return
	}
	now, was := improvementText(c.r), improvementText(p)
	if s := Similarity(now, was); s > CopyThreshold && strings.TrimSpace(now) != "" {
		c.warnAt(CodeCopiedImprovement, Location{Section: SectionImprovement, Field: "improvement.problems", Offset: -1},
			"五、存在的主要问题及改进情况有"+percent(s)+"的文字与"+strconv.Itoa(p.Year)+"年度报告相同（按连续"+strconv.Itoa(SimilarRun)+
				"字以上相同的片段计算），模板要求不得“年年雷同”，请结合本年实际重写。")
	}
	now, was = narrativeText(c.r), narrativeText(p)
	if s := Similarity(now, was); s > CopyThreshold && strings.TrimSpace(now) != "" {
		c.warnAt(CodeCopiedText, Location{Section: SectionOverview, Field: "overview.parts", Offset: -1},
			"报告正文（总体情况、问题和改进、其他事项）有"+percent(s)+"的文字与"+strconv.Itoa(p.Year)+"年度报告相同（按连续"+
				strconv.Itoa(SimilarRun)+"字以上相同的片段计算），评议中超过50%即视为照抄，请结合本年实际重写。")
	}
}

func percent(s float64) string { return strconv.Itoa(int(s*100+0.5)) + "%" }

func joinTexts(b *strings.Builder, ps []Part) {
	for _, p := range ps {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
}

// improvementText is the text of 五 that Similarity compares.
func improvementText(r *Report) string {
	var b strings.Builder
	joinTexts(&b, r.Improvement.Problems)
	joinTexts(&b, r.Improvement.Measures)
	return b.String()
}

// narrativeText is the narrative Similarity compares: the texts of 一, 五
// and 六 (not the preamble nor the fee statement, which are rightly the
// same every year, nor the short part titles).
func narrativeText(r *Report) string {
	var b strings.Builder
	joinTexts(&b, r.Overview.Parts)
	joinTexts(&b, r.Improvement.Problems)
	joinTexts(&b, r.Improvement.Measures)
	b.WriteString(r.Other.Text)
	b.WriteByte('\n')
	joinTexts(&b, r.Other.Items)
	return b.String()
}
