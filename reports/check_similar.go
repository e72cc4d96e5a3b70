package reports

import (
	"slices"
	"strconv"
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
	return similarity(similarRunes(nil, text), similarRunes(nil, prev))
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

// windowHashes appends to out the sorted hashes of every SimilarRun-rune
// window of s.
func windowHashes(out []uint64, s []rune) []uint64 {
	if len(s) < SimilarRun {
		return out
	}
	var h uint64
	for i, r := range s {
		if i >= SimilarRun {
			h -= uint64(s[i-SimilarRun]) * windowPow
		}
		h = h*windowBase + uint64(r)
		if i >= SimilarRun-1 {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

// windowBase is the base of the rolling hash; windowPow is
// windowBase^(SimilarRun-1), the weight of the rune leaving the window.
const windowBase = 1_000_003

var windowPow = func() uint64 {
	p := uint64(1)
	for i := 0; i < SimilarRun-1; i++ {
		p *= windowBase
	}
	return p
}()

// similarity is Similarity on prepared runes. A text of nothing but part
// separators is not a copy of anything.
func similarity(a, b []rune) float64 {
	if len(b) < SimilarRun || !slices.ContainsFunc(a, func(r rune) bool { return r != partSeparator }) {
		return 0
	}
	prev := windowHashes(make([]uint64, 0, len(b)), b)
	covered := 0
	coveredTo := 0 // a[:coveredTo] is already counted
	var h uint64
	for i, r := range a {
		if i >= SimilarRun {
			h -= uint64(a[i-SimilarRun]) * windowPow
		}
		h = h*windowBase + uint64(r)
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
	var a, b []rune
	a = appendParts(a, c.r.Improvement.Problems, c.r.Improvement.Measures)
	b = appendParts(b, p.Improvement.Problems, p.Improvement.Measures)
	if s := similarity(a, b); s > CopyThreshold {
		c.warnAt(CodeCopiedImprovement, Location{Section: SectionImprovement, Field: "improvement.problems", Offset: -1},
			"五、存在的主要问题及改进情况有"+percent(s)+"的文字与"+strconv.Itoa(p.Year)+"年度报告相同（按连续"+strconv.Itoa(SimilarRun)+
				"字以上相同的片段计算），模板要求不得“年年雷同”，请结合本年实际重写。")
	}
	a = appendNarrative(a[:0], c.r)
	b = appendNarrative(b[:0], p)
	if s := similarity(a, b); s > CopyThreshold {
		c.warnAt(CodeCopiedText, Location{Section: SectionOverview, Field: "overview.parts", Offset: -1},
			"报告正文（总体情况、问题和改进、其他事项）有"+percent(s)+"的文字与"+strconv.Itoa(p.Year)+"年度报告相同（按连续"+
				strconv.Itoa(SimilarRun)+"字以上相同的片段计算），评议中超过50%即视为照抄，请结合本年实际重写。")
	}
}

func percent(s float64) string { return strconv.Itoa(int(s*100+0.5)) + "%" }

// partSeparator ends each text compared, so that no run spans two parts.
const partSeparator = 0

// appendParts appends the compared runes of the texts of the parts.
func appendParts(buf []rune, lists ...[]Part) []rune {
	for _, ps := range lists {
		for _, p := range ps {
			buf = similarRunes(buf, p.Text)
			buf = append(buf, partSeparator)
		}
	}
	return buf
}

// appendNarrative appends the narrative Similarity compares: the texts of
// 一, 五 and 六 (not the preamble nor the fee statement, which are rightly
// the same every year, nor the short part titles).
func appendNarrative(buf []rune, r *Report) []rune {
	buf = appendParts(buf, r.Overview.Parts, r.Improvement.Problems, r.Improvement.Measures)
	buf = similarRunes(buf, r.Other.Text)
	buf = append(buf, partSeparator)
	return appendParts(buf, r.Other.Items)
}
