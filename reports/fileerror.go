package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// notAReport recognises a file that is plainly something else than a
// report (a text, a Word or Excel file, a PDF, a web page) by how it begins,
// and says so in words a clerk knows; nil when it may be a report.
func notAReport(data []byte) *FileError {
	const importHint = "Word、Excel、网页或文本中的报告请用“导入”功能转换；.nianbao 文件只能由本程序保存。"
	kinds := []struct {
		magic, kind string
	}{
		{"PK\x03\x04", "Word（.docx）、Excel（.xlsx）或压缩文件"},
		{"\xd0\xcf\x11\xe0", "旧版 Word（.doc）或 Excel（.xls）文件"},
		{"%PDF", "PDF 文件"},
		{"{\\rtf", "RTF 文档"},
	}
	for _, k := range kinds {
		if bytes.HasPrefix(data, []byte(k.magic)) {
			return &FileError{Msg: fmt.Sprintf("这不是年报文件，而是%s。%s", k.kind, importHint)}
		}
	}
	trimmed := bytes.TrimLeftFunc(data, unicode.IsSpace)
	if len(trimmed) == 0 || trimmed[0] == '{' || trimmed[0] == '[' {
		return nil
	}
	if !utf8.Valid(trimmed) {
		return nil // the caller names the encoding
	}
	kind := "一份普通文本"
	if trimmed[0] == '<' {
		kind = "网页（HTML）或 XML 文件"
	}
	return &FileError{Msg: fmt.Sprintf("这不是年报文件。它的开头是“%s”，看起来是%s。%s", excerpt(trimmed, 16), kind, importHint)}
}

// excerpt is the first n characters of data on its first line, with "…"
// when there is more.
func excerpt(data []byte, n int) string {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	s := strings.TrimSpace(string(line))
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// syntaxError turns a JSON syntax error into a Chinese message pointing at
// the character that is wrong (Go's own message names only its first byte
// and counts the column after it).
func syntaxError(data []byte, syn *json.SyntaxError, err error) *FileError {
	off := int(syn.Offset)
	if off >= len(data) || strings.Contains(syn.Error(), "unexpected end") {
		line, col := position(data, int64(len(data)))
		return &FileError{Line: line, Col: col, Err: err, Msg: "文件不完整（在结尾处被截断），可能没有保存完或复制时中断；可以试试同一文件夹里的 .bak 备份"}
	}
	// The offset is just after the offending byte: step back to the
	// start of its character.
	at := off
	if at > 0 {
		at--
		for at > 0 && !utf8.RuneStart(data[at]) {
			at--
		}
	}
	line, col := position(data, int64(at))
	ch, _ := utf8.DecodeRune(data[at:])
	what := fmt.Sprintf("“%c”", ch)
	switch {
	case ch == '\n' || ch == '\r':
		what = "行尾"
	case unicode.IsSpace(ch) || !unicode.IsPrint(ch):
		what = fmt.Sprintf("字符 U+%04X", ch)
	}
	expect := "写得不对"
	m := syn.Error()
	switch {
	case strings.Contains(m, "looking for beginning of value"):
		expect = "应为一个值（数字、带引号的文本、{…} 或 […]）"
	case strings.Contains(m, "after object key:value pair"):
		expect = "应为逗号“,”或右花括号“}”"
	case strings.Contains(m, "after object key"):
		expect = "应为冒号“:”"
	case strings.Contains(m, "looking for beginning of object key string"):
		expect = "应为带英文双引号的字段名"
	case strings.Contains(m, "after array element"):
		expect = "应为逗号“,”或右方括号“]”"
	case strings.Contains(m, "in string literal"):
		expect = "有不能出现在文本中的换行或控制字符"
	case strings.Contains(m, "in numeric literal"), strings.Contains(m, "in literal"):
		expect = "的数字或 true/false/null 写得不对"
	case strings.Contains(m, "after top-level value"):
		expect = "多出了内容（报告在此之前已经结束）"
	}
	return &FileError{Line: line, Col: col, Err: err,
		Msg: fmt.Sprintf("文件格式有误，%s处%s。文件可能已损坏或被其他程序改动过，可以试试同一文件夹里的 .bak 备份", what, expect)}
}
