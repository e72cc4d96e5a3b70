// Package importer turns a published annual report back into a Report: text
// copied out of Word or a web page (tables tab-separated), or a Word .docx
// file. Sections, narrative parts, the 落款 and every table cell are found
// by their labels, not by position, tolerating what real reports contain
// (the 2019 format, older labels, typos, half-width brackets, spaces inside
// labels, blank cells, full-width digits, page-break debris). Printed totals
// are kept as declared values; what could not be recognised is reported with
// its position, never dropped silently.
package importer

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"nianbao/reports"
)

// MaxInputSize is the largest file Import accepts. Real reports are well
// under 1 MB as text and a few MB as .docx (with pictures).
const MaxInputSize = 64 << 20

// Result is what an import found.
type Result struct {
	// Report is the imported report; never nil when Import returns no error.
	Report *reports.Report
	// Findings lists everything uncertain (reports.Warning, 需核对) or
	// repaired (reports.Note), in document order; each names its position
	// in the source (Location.Source) and has one of the codes
	// reports.CodeImportNote, CodeImportUncertain, CodeImportUnusable.
	Findings []reports.Finding
	// Empty is true when nothing usable was found (no section, no table).
	Empty bool
	// Format names the source format in Chinese ("文本", "Word 文档").
	Format string
	// Dropped lists, in document order, the text of a web page around the
	// report (navigation, column names, buttons, footers) that was left
	// out; a note among Findings sums it up.
	Dropped []string
}

// Uncertain reports whether some finding needs a look (or nothing was found).
func (r *Result) Uncertain() bool {
	if r.Empty {
		return true
	}
	for _, p := range r.Findings {
		if p.Severity >= reports.Warning {
			return true
		}
	}
	return false
}

// Import reads a report from the bytes of a file named name (the name only
// picks the format when the content does not: .docx, .xlsx, .pdf, web
// page, text). It returns an error, a *reports.FileError with a Chinese message, when the
// file cannot be read at all; otherwise a Result whose Findings say what
// needs checking.
func Import(name string, data []byte) (*Result, error) {
	ferr := func(msg string, err error) error {
		return &reports.FileError{Path: name, Msg: msg, Err: err}
	}
	switch {
	case len(data) > MaxInputSize:
		return nil, ferr(fmt.Sprintf("文件过大（超过 %d MB），不是年度报告", MaxInputSize>>20), nil)
	case len(bytes.TrimSpace(data)) == 0:
		return nil, ferr("文件是空的，没有可导入的内容", nil)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return importZip(name, data)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")) && ext == ".wps":
		return nil, ferr("这是 WPS 文字（.wps）文件，无法直接读取。请在 WPS 中“另存为”Word 文件（.docx）后再导入，或把全文复制后粘贴导入。", nil)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return nil, ferr("这是旧版 Word（.doc）或 Excel（.xls）文件，无法直接读取。请在 Word 中“另存为”.docx 格式后再导入，或把全文复制后粘贴导入。", nil)
	case bytes.HasPrefix(data, []byte("%PDF")) || ext == ".pdf" && bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF")):
		return importPDF(name, data)
	case looksMHTML(data) || (ext == ".mht" || ext == ".mhtml") && bytes.Contains(data, []byte("multipart")):
		page, err := mhtmlPage(data)
		if err != nil {
			return nil, ferr(err.Error(), err)
		}
		return importPage(name, page, "单个文件 .mht")
	case looksHTML(data) || (ext == ".html" || ext == ".htm") && bytes.Contains(data, []byte("<")):
		return importPage(name, data, "")
	case ext == ".docx" || ext == ".xlsx":
		return nil, ferr(fmt.Sprintf("文件扩展名是 %s，但内容不是有效的 Office 文件（可能已损坏）", ext), nil)
	}
	if t := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))); len(t) > 0 && t[0] == '{' {
		// A report file given to the importer: read it as what it is.
		r, err := reports.Parse(data)
		if err != nil {
			return nil, ferr("这像是年报文件（.nianbao），但无法读取："+err.Error(), err)
		}
		return &Result{Report: r, Format: "年报文件", Findings: []reports.Finding{reports.ImportFinding(reports.Note, reports.Location{}, "这已经是年报文件（.nianbao），已直接读取，无需导入")}}, nil
	}
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, ferr(err.Error(), err)
	}
	res := recognize(textDocument(text))
	res.Format = "文本"
	if enc != "" {
		res.Format += "（" + enc + "）"
	}
	return res, nil
}

// importPage reads a web page's HTML from the file named name; saved, when
// not "", says how the page was saved, for the format's name
// ("网页（单个文件 .mht，GBK）").
func importPage(name string, page []byte, saved string) (*Result, error) {
	blocks, enc, err := htmlDocument(page)
	if err != nil {
		return nil, &reports.FileError{Path: name, Msg: err.Error(), Err: err}
	}
	res := recognize(blocks)
	var about []string
	if saved != "" {
		about = append(about, saved)
	}
	if enc != "" && enc != "UTF-8" {
		about = append(about, enc)
	}
	res.Format = "网页"
	if len(about) > 0 {
		res.Format += "（" + strings.Join(about, "，") + "）"
	}
	return res, nil
}

// ImportText reads a report from text as pasted into the GUI's paste box.
func ImportText(text string) (*Result, error) {
	return Import("粘贴的文本", []byte(text))
}

// decodeText returns data as UTF-8 text: UTF-8 with or without a byte order
// mark, UTF-16 with a byte order mark (Notepad's “Unicode”), otherwise
// GB18030 (which includes GBK and GB2312), as saved by older Chinese
// Windows programs. It names the encoding when it was not UTF-8.
func decodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("UTF-16 文本无法解码：%w", err)
		}
		return string(out), "UTF-16", nil
	}
	if utf8.Valid(data) {
		if looksBinary(string(data)) {
			return "", "", fmt.Errorf("文件内容不是文本，也不是 Word（.docx）文件，无法导入")
		}
		return string(data), "", nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || looksBinary(string(out)) {
		return "", "", fmt.Errorf("文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本，也不是 Word（.docx）文件，无法导入")
	}
	return string(out), "GBK/GB18030", nil
}

// looksBinary reports whether text has many control characters, as binary
// data decoded as text does.
func looksBinary(s string) bool {
	n, bad := 0, 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7f {
			bad++
		}
		if n >= 4096 {
			break
		}
	}
	return n > 0 && bad*20 > n
}
