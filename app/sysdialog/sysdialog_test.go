package sysdialog

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestFilterSpecIsPairsOfNULEndedStringsEndedByANUL(t *testing.T) {
	for _, c := range []struct {
		name    string
		filters []Filter
		want    []string // the strings between the NULs
	}{
		{"one type", []Filter{{"年报文件", []string{".nianbao"}}}, []string{"年报文件 (*.nianbao)", "*.nianbao"}},
		{"several extensions and all files",
			[]Filter{{"可导入的报告", []string{".docx", ".xlsx", ".txt"}}, AllFiles},
			[]string{"可导入的报告 (*.docx;*.xlsx;*.txt)", "*.docx;*.xlsx;*.txt", "所有文件 (*.*)", "*.*"}},
		{"none", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			spec := filterSpec(c.filters)
			if len(spec) == 0 || spec[len(spec)-1] != 0 || (len(spec) > 1 && spec[len(spec)-2] != 0) {
				t.Fatalf("spec does not end with two NULs: %v", spec)
			}
			body := string(utf16.Decode(spec[:len(spec)-1]))
			var got []string
			if body != "" {
				got = strings.Split(strings.TrimSuffix(body, "\x00"), "\x00")
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("strings %q, want %q", got, c.want)
			}
		})
	}
}

func TestWithExtAddsTheExtensionOnlyWhenMissing(t *testing.T) {
	for _, c := range []struct{ name, path, ext, want string }{
		{"typed without it", `C:\报告\别斯托别乡`, ".pdf", `C:\报告\别斯托别乡.pdf`},
		{"typed with it", `C:\报告\a.pdf`, ".pdf", `C:\报告\a.pdf`},
		{"typed in capitals", `C:\报告\A.PDF`, ".pdf", `C:\报告\A.PDF`},
		{"another extension kept, ours added", `C:\报告\a.txt`, ".pdf", `C:\报告\a.txt.pdf`},
		{"no extension wanted", `C:\报告\a`, "", `C:\报告\a`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := withExt(c.path, c.ext); got != c.want {
				t.Errorf("withExt = %q, want %q", got, c.want)
			}
		})
	}
}
