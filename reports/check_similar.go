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
	return similarity(similarRunes(nil, text), similarRunes(nil, prev))
}

// similarRunes appends the runes of s that Similarity compares.
func similarRunes(buf []rune, s string) []rune { return comparedRunes(buf, s, true) }

// comparedRunes appends the runes of s that Similarity compares, with the
// digits folded to 0 when fold is set, else as written (to quote them).
func comparedRunes(buf []rune, s string, fold bool) []rune {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case fold && (r >= '0' && r <= '9' || r >= '０' && r <= '９'):
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

// similarity is Similarity on prepared runes.
func similarity(a, b []rune) float64 {
	if !measurable(a, b) {
		return 0
	}
	return coverage(a, windowHashes(make([]uint64, 0, len(b)), b), nil)
}

// measurable reports whether a can be measured against b: b is at least
// one window long and a is more than part separators (a text of nothing
// but separators is not a copy of anything).
func measurable(a, b []rune) bool {
	return len(b) >= SimilarRun && slices.ContainsFunc(a, func(r rune) bool { return r != partSeparator })
}

// coverage is the share of a lying in runs of SimilarRun or more runes whose
// windows are among prev (sorted window hashes). When runs is not nil, it
// is called with every maximal covered span a[start:end].
func coverage(a []rune, prev []uint64, runs func(start, end int)) float64 {
	if len(a) == 0 || len(prev) == 0 {
		return 0
	}
	covered := 0
	coveredTo := 0 // a[:coveredTo] is already counted
	runStart := -1
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
			if start > coveredTo || runStart < 0 {
				if runs != nil && runStart >= 0 {
					runs(runStart, coveredTo)
				}
				runStart = start
			}
			covered += i + 1 - start
			coveredTo = i + 1
		}
	}
	if runs != nil && runStart >= 0 {
		runs(runStart, coveredTo)
	}
	return float64(covered) / float64(len(a))
}

// SimilarText is a text prepared once for Similarity's measure (spaces
// dropped, digits folded, parts kept apart) so that it can be compared with
// many others: the county's audit compares every unit with every other
// candidate. It keeps the characters as written to quote shared passages.
type SimilarText struct {
	folded []rune
	orig   []rune
	hashes []uint64 // sorted hashes of every SimilarRun-rune window of folded
}

// NarrativeText prepares the narrative of r that COPIED_TEXT compares: the
// texts of 一, 五 and 六 (not the preamble, the fee statement or the titles).
func NarrativeText(r *Report) *SimilarText {
	t := &SimilarText{folded: appendNarrative(nil, r, true), orig: appendNarrative(nil, r, false)}
	t.hashes = windowHashes(make([]uint64, 0, len(t.folded)), t.folded)
	return t
}

// Len is the number of characters compared (without spaces).
func (t *SimilarText) Len() int {
	n := 0
	for _, r := range t.folded {
		if r != partSeparator {
			n++
		}
	}
	return n
}

// Hashes returns the sorted hashes of the text's SimilarRun-character
// windows (repeats included), the shingles an index of many texts is built
// from. The slice is shared: do not modify it.
func (t *SimilarText) Hashes() []uint64 { return t.hashes }

// Share is Similarity(t, o) on the prepared texts.
func (t *SimilarText) Share(o *SimilarText) float64 {
	if !measurable(t.folded, o.folded) {
		return 0
	}
	return coverage(t.folded, o.hashes, nil)
}

// SharedWith is Similarity(t, o) on the prepared texts: the share (0–1) of
// t's characters lying in runs of SimilarRun or more characters also found
// in o, and those runs of t as written, in text order.
func (t *SimilarText) SharedWith(o *SimilarText) (float64, []string) {
	if !measurable(t.folded, o.folded) {
		return 0, nil
	}
	var passages []string
	s := coverage(t.folded, o.hashes, func(start, end int) {
		p := strings.Trim(string(t.orig[start:end]), "\x00")
		if p != "" {
			passages = append(passages, strings.ReplaceAll(p, "\x00", "／"))
		}
	})
	return s, passages
}

// checkCopies compares 五 and the whole narrative with last year's.
func (c *checker) checkCopies() {
	p := c.prev
	if p == nil {
		return
	}
	var a, b []rune
	a = appendParts(a, true, c.r.Improvement.Problems, c.r.Improvement.Measures)
	b = appendParts(b, true, p.Improvement.Problems, p.Improvement.Measures)
	if s := similarity(a, b); s > CopyThreshold {
		c.warnAt(CodeCopiedImprovement, Location{Section: SectionImprovement, Field: FieldProblems, Offset: -1},
			"五、存在的主要问题及改进情况有"+percent(s)+"的文字与"+strconv.Itoa(p.Year)+"年度报告相同（按连续"+strconv.Itoa(SimilarRun)+
				"字以上相同的片段计算），模板要求不得“年年雷同”，请结合本年实际重写。")
	}
	a = appendNarrative(a[:0], c.r, true)
	b = appendNarrative(b[:0], p, true)
	if s := similarity(a, b); s > CopyThreshold {
		c.warnAt(CodeCopiedText, Location{Section: SectionOverview, Field: FieldOverviewParts, Offset: -1},
			"报告正文（总体情况、问题和改进、其他事项）有"+percent(s)+"的文字与"+strconv.Itoa(p.Year)+"年度报告相同（按连续"+
				strconv.Itoa(SimilarRun)+"字以上相同的片段计算），评议中超过50%即视为照抄，请结合本年实际重写。")
	}
}

func percent(s float64) string { return strconv.Itoa(int(s*100+0.5)) + "%" }

// partSeparator ends each text compared, so that no run spans two parts.
const partSeparator = 0

// appendParts appends the compared runes of the texts of the parts (digits
// folded when fold is set).
func appendParts(buf []rune, fold bool, lists ...[]Part) []rune {
	for _, ps := range lists {
		for _, p := range ps {
			buf = comparedRunes(buf, p.Text, fold)
			buf = append(buf, partSeparator)
		}
	}
	return buf
}

// appendNarrative appends the narrative Similarity compares: the texts of
// 一, 五 and 六 (not the preamble nor the fee statement, which are rightly
// the same every year, nor the short part titles).
func appendNarrative(buf []rune, r *Report, fold bool) []rune {
	buf = appendParts(buf, fold, r.Overview.Parts, r.Improvement.Problems, r.Improvement.Measures)
	buf = comparedRunes(buf, r.Other.Text, fold)
	buf = append(buf, partSeparator)
	return appendParts(buf, fold, r.Other.Items)
}
