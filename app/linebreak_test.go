package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// monoWidth measures every character as 1 (Latin) or 2 (anything wider),
// like a terminal, so that the cases read plainly.
func monoWidth(s string) float32 {
	w := 0
	for _, r := range s {
		if r < 0x2000 {
			w++
		} else {
			w += 2
		}
	}
	return float32(w)
}

func TestBreakLinesFollowsTheChineseRules(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"between any two Chinese characters", "上次程序没有正常关闭", 8, []string{"上次程序", "没有正常", "关闭"}},
		{"a full stop never begins a line", "请检查内容。再保存", 8, []string{"请检查内", "容。再保", "存"}},
		{"a full stop at the end of the room goes with its character", "请检查内容。", 8, []string{"请检查内", "容。"}},
		{"nor a comma or a closing bracket", "恢复副本（已保存），不会删除", 10, []string{"恢复副本", "（已保", "存），不会", "删除"}},
		{"an opening bracket never ends a line", "副本移到“old”文件夹", 10, []string{"副本移到", "“old”文", "件夹"}},
		{"the opening quote goes to the next line with its word", "副本移到“old”", 9, []string{"副本移到", "“old”"}},
		{"a short quoted word stays whole", "或者装好打印机后再点“打印”。", 26, []string{"或者装好打印机后再点", "“打印”。"}},
		{"a long quotation breaks inside", "选“这是一段很长很长的引文”", 10, []string{"选“这是一", "段很长很长", "的引文”"}},
		{"a Latin word stays whole", "移到 recovery 文件夹", 12, []string{"移到", "recovery 文", "件夹"}},
		{"a number stays whole", "共有 12345 字", 7, []string{"共有", "12345", "字"}},
		{"a path on its own line is kept whole", "原文件：\n/home/科员/文档/年报.nianbao", 10, []string{"原文件：", "/home/科员/文档/年报.nianbao"}},
		{"line breaks in the text are kept", "第一行\n\n第三行", 20, []string{"第一行", "", "第三行"}},
		{"a word longer than the line is cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := breakLines(c.text, c.width, monoWidth)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("breakLines(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
			}
		})
	}
}

func TestNoLineOfARealPromptStartsWithClosingPunctuation(t *testing.T) {
	msg := "上次程序没有正常关闭。下面这份报告有 2026年1月12日 09:41 自动保存的修改，比文件里的新：\n" +
		"要恢复这些修改吗？恢复后请检查内容，再保存。选“不恢复”时，副本移到恢复文件夹下的 old 文件夹里，不会删除。"
	for w := float32(12); w <= 80; w++ {
		for _, l := range breakLines(msg, w, monoWidth) {
			if r, _ := utf8.DecodeRuneInString(l); strings.ContainsRune(noLineStart, r) {
				t.Errorf("width %v: line %q starts with %q", w, l, r)
			}
			if r, _ := utf8.DecodeLastRuneInString(l); strings.ContainsRune(noLineEnd, r) {
				t.Errorf("width %v: line %q ends with %q", w, l, r)
			}
			if monoWidth(l) > w && utf8.RuneCountInString(l) > 2 {
				t.Errorf("width %v: line %q is %v wide", w, l, monoWidth(l))
			}
		}
	}
}

func TestShortenPathKeepsTheStartAndTheFileName(t *testing.T) {
	cases := []struct {
		name  string
		path  string
		width float32
		want  string
	}{
		{"short enough", "/home/a/b.nianbao", 40, "/home/a/b.nianbao"},
		{"Linux, middle folders dropped", "/home/kj/文档/2024年度/各乡镇/别斯托别乡.nianbao", 40, "/home/…/各乡镇/别斯托别乡.nianbao"},
		{"Windows, drive kept", `C:\Users\科员\Documents\年报\2024\别斯托别乡.nianbao`, 36, `C:\Users\…\2024\别斯托别乡.nianbao`},
		{"only the file name fits", "/home/kj/文档/新源县别斯托别乡人民政府年度报告.nianbao", 30, "…/新源县别斯托别乡….nianbao"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := shortenPath(c.path, c.width, monoWidth)
			if got != c.want {
				t.Errorf("shortenPath = %q, want %q", got, c.want)
			}
			if monoWidth(got) > c.width {
				t.Errorf("%q is %v wide, more than %v", got, monoWidth(got), c.width)
			}
		})
	}
}
