package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Characters that must not begin a line (closing punctuation) and that must
// not end one (opening punctuation), after the usual Chinese line-breaking
// rules (GB/T 15834 and the W3C's Requirements for Chinese Text Layout).
const (
	noLineStart = "。，、；：？！）」』】》〉〕］｝”’…—·%‰)]},.;:!?％"
	noLineEnd   = "（「『【《〈〔［｛“‘([{"
)

// measureFunc is the width of a text as a label draws it.
type measureFunc func(string) float32

// labelWidth measures a text in the theme's text size.
func labelWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}

// breakLines breaks text into lines no wider than width: between any two
// Chinese characters, at spaces, never inside a Latin word, a number or a
// path, never before closing punctuation (。，、）」 …) nor after opening
// punctuation (（「 …). A unit wider than the line gets a line of its own
// (and is cut by character only when it is not a path). Line breaks in text
// are kept.
func breakLines(text string, width float32, measure measureFunc) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, breakParagraph(para, width, measure)...)
	}
	return out
}

func breakParagraph(para string, width float32, measure measureFunc) []string {
	if looksLikePath(para) {
		return []string{para} // shortened to the width by the caller
	}
	var lines []string
	line := ""
	for _, u := range lineUnits(para) {
		if line == "" {
			if u = strings.TrimLeft(u, " \t"); u == "" {
				continue
			}
		}
		if line != "" && measure(strings.TrimRight(line+u, " \t")) > width {
			lines = append(lines, strings.TrimRight(line, " \t"))
			if u = strings.TrimLeft(u, " \t"); u == "" {
				line = ""
				continue
			}
			line = ""
		}
		line += u
		if measure(line) > width && utf8.RuneCountInString(line) > 1 {
			// One unit wider than the line (a very long Latin word): cut it.
			cut := cutToWidth(line, width, measure)
			lines = append(lines, cut[:len(cut)-1]...)
			line = cut[len(cut)-1]
		}
	}
	if line = strings.TrimRight(line, " \t"); line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// looksLikePath reports whether a paragraph is a file path: "/…", "~/…",
// "C:\…" or "\\server\…".
func looksLikePath(s string) bool {
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, "~/") || strings.HasPrefix(s, `\\`) {
		return true
	}
	return len(s) > 2 && s[1] == ':' && (s[2] == '\\' || s[2] == '/')
}

// cutToWidth cuts s by character into lines no wider than width.
func cutToWidth(s string, width float32, measure measureFunc) []string {
	var lines []string
	cur := ""
	for _, r := range s {
		if cur != "" && measure(cur+string(r)) > width {
			lines = append(lines, cur)
			cur = ""
		}
		cur += string(r)
	}
	return append(lines, cur)
}

// lineUnits splits a paragraph into the pieces a line may break between:
// one Chinese character, a Latin word or number, a path, a run of spaces;
// closing punctuation sticks to the unit before it and opening punctuation
// to the unit after it.
func lineUnits(s string) []string {
	var raw []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		j := i + 1
		switch {
		case quoteEnd(rs, i) > 0:
			j = quoteEnd(rs, i) // a short quoted word stays whole: “打印”
		case r == ' ' || r == '\t':
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t') {
				j++
			}
		case isWordRune(r):
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
		}
		raw = append(raw, string(rs[i:j]))
		i = j
	}
	var units []string
	glueNext := false
	for _, u := range raw {
		first, _ := utf8.DecodeRuneInString(u)
		switch {
		case len(units) > 0 && (glueNext || strings.ContainsRune(noLineStart, first)):
			units[len(units)-1] += u
		default:
			units = append(units, u)
		}
		last, _ := utf8.DecodeLastRuneInString(u)
		glueNext = strings.ContainsRune(noLineEnd, last)
	}
	return units
}

// quoteEnd is, when rs[i] opens a short quotation (“打印”, 《条例》, at most
// maxQuoted characters inside), the index after its closing mark; else 0.
func quoteEnd(rs []rune, i int) int {
	const maxQuoted = 8
	closing := map[rune]rune{'“': '”', '「': '」', '《': '》', '『': '』'}[rs[i]]
	if closing == 0 {
		return 0
	}
	for j := i + 1; j < len(rs) && j <= i+maxQuoted+1; j++ {
		if rs[j] == closing {
			return j + 1
		}
	}
	return 0
}

// isWordRune is a character of a Latin word, a number or a path: anything
// but spaces, Chinese characters and Chinese punctuation.
func isWordRune(r rune) bool {
	if r == ' ' || r == '\t' || r > 0x2000 || unicode.Is(unicode.Han, r) {
		return false
	}
	return !strings.ContainsRune("()[]{},;!?", r)
}

// shortenPath shortens a path in the middle to fit width: it keeps the
// beginning (drive, first folder) and the end (the last folders and the
// file name) and puts "…" between them.
func shortenPath(p string, width float32, measure measureFunc) string {
	if measure(p) <= width {
		return p
	}
	sep := "/"
	if strings.Contains(p, `\`) {
		sep = `\`
	}
	parts := strings.Split(p, sep)
	// Keep the first element (the drive, or "" of a leading /) and as many
	// trailing ones as fit.
	head := parts[0]
	if len(parts) > 2 && len(head) <= 3 {
		head += sep + parts[1]
		parts = append([]string{head}, parts[2:]...)
	}
	for keep := len(parts) - 2; keep >= 1; keep-- {
		s := head + sep + "…" + sep + strings.Join(parts[len(parts)-keep:], sep)
		if measure(s) <= width {
			return s
		}
	}
	// Even the file name alone is too wide: shorten it in its middle.
	name := parts[len(parts)-1]
	rs := []rune(name)
	for n := len(rs) - 1; n > 2; n-- {
		s := "…" + sep + string(rs[:n/2]) + "…" + string(rs[len(rs)-(n-n/2):])
		if measure(s) <= width {
			return s
		}
	}
	return name
}

// messageWidth is the width of the text in prompts: wide enough for a
// shortened path and a sentence, narrow enough for a 1366×768 screen.
const messageWidth = 560

// newMessageLabel is a label whose text is broken by breakLines at
// messageWidth, so that a prompt is as wide as its longest line and follows
// the Chinese rules instead of Fyne's character wrapping.
func newMessageLabel(text string) *widget.Label {
	return widget.NewLabel(strings.Join(breakLines(text, messageWidth, labelWidth), "\n"))
}
