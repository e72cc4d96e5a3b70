package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/reports"
	"nianbao/reports/plaintext"
)

// checkResult asserts what must hold for any input: no panic (the fuzzer
// sees those), an error or a report that saves and loads again.
func checkResult(t *testing.T, res *Result, err error) {
	t.Helper()
	if err != nil {
		if !strings.ContainsFunc(err.Error(), func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
			t.Errorf("error without a Chinese message: %v", err)
		}
		return
	}
	if res == nil || res.Report == nil {
		t.Fatal("no error and no report")
	}
	if res.Empty {
		return
	}
	data, err := reports.Marshal(res.Report)
	if err != nil {
		t.Fatalf("imported report does not marshal: %v", err)
	}
	if _, err := reports.Parse(data); err != nil && res.Report.Year >= 2000 && res.Report.Year <= 2100 {
		t.Fatalf("imported report does not load again: %v", err)
	}
	for _, p := range res.Findings {
		if p.Message == "" {
			t.Errorf("problem without a message: %+v", p)
		}
	}
}

func FuzzImportText(f *testing.F) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	if dept, err := os.ReadFile("testdata/dept.txt"); err == nil {
		f.Add(dept)
	}
	f.Add([]byte(plaintext.String(handMade())))
	f.Add([]byte(plaintext.String(handMade2019())))
	f.Add([]byte(htmlOf(reports.Sample())))
	// Real published reports, as pages and their text, with page chrome.
	docs, _ := filepath.Glob("testdata/corpus/*/report.*")
	for _, d := range docs {
		if b, err := os.ReadFile(d); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=E4=B8=80=E3=80=81=E6=80=BB=E4=BD=93=E6=83=85=E5=86=B5</p>\r\n--b--\r\n"))
	f.Add([]byte(`<html><body><div>当前位置：首页 &gt; 年报</div><h1>某乡2023年政府信息公开工作年度报告</h1><div id="zoom"><p>一、总体情况</p><table><tr><td>第二十条第（一）项</td></tr></table><p>六、其他需要报告的事项</p></div><div>网站标识码</div></body></html>`))
	f.Add([]byte(`<html><table><tr><td rowspan="3" colspan="2">规章</td><td>1</td></tr><tr><td>x</td></tr></table><p>一、总体情况<br>2023年</p></html>`))
	f.Add([]byte("一、总体情况\n\n1.主动公开\n\t\t(六) 其他处理\t0\t0\n"))
	f.Add([]byte("\xef\xbb\xbf第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\n规章\t１\t-\t"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Import("fuzz.txt", data)
		checkResult(t, res, err)
	})
}

func FuzzImportDocx(f *testing.F) {
	f.Add(writeDocx(f, reports.Sample()))
	f.Add(writeDocx(f, handMade2019()))
	f.Add(zipFiles(f, map[string]string{"word/document.xml": `<w:document><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`}))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Import("fuzz.docx", data)
		checkResult(t, res, err)
	})
}

// The document.xml reader alone, without the zip around it.
func FuzzDocumentXML(f *testing.F) {
	f.Add([]byte(`<w:document><w:body><w:p><w:r><w:t>一、总体情况</w:t><w:tab/><w:br/></w:r></w:p><w:tbl><w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		blocks, err := readDocumentXML(data, readNumbering(data))
		if err != nil {
			return
		}
		res := recognize(blocks)
		checkResult(t, res, nil)
	})
}
