package reports

import (
	"bytes"
	"errors"
	"fmt"
	"nianbao/internal/golden"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"nianbao/assets"
)

func TestSampleFileIsStable(t *testing.T) {
	b, err := Marshal(Sample())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, assets.Sample) {
		golden.WriteFailed(t, "sample.nianbao", b)
		t.Fatal("Marshal(Sample()) differs from assets/sample.nianbao (actual written to testdata/failed/)")
	}
}

func TestRoundTrip(t *testing.T) {
	withEverything := func() *Report {
		r := filledReport()
		r.Cells["t3.deny2.charity"] = ParseCell("无")
		r.Cells["t3.deny3.charity"] = BlankCell()
		r.Declared = map[CellKey]Cell{"t3.total.total": Num(6), "t4.cases.review_total": BlankCell(), "t3.new.total": ParseCell("七")}
		r.Other.Items = []Part{{Title: "人大代表建议和政协提案办理结果公开情况", Text: "全年公开办理结果3件。"}}
		r.Contact.Address = "新源县别斯托别乡人民路1号"
		r.Signing.SignatureLine = true
		r.Signing.Organ = "新源县别斯托别乡人民政府办公室"
		r.LastYear = previousReport()
		return r
	}
	cases := []struct {
		name string
		r    *Report
	}{
		{"the sample", Sample()},
		{"a report with numbers, text cells, declared totals and last year", withEverything()},
		{"an empty 2019-format report", New(2020)},
		{"the next year from the sample", NextYear(Sample(), 2024)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := Marshal(c.r)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(b)
			if err != nil {
				t.Fatalf("Parse(Marshal(r)): %v", err)
			}
			if !reflect.DeepEqual(got, c.r) {
				t.Errorf("round trip changed the report:\n got %+v\nwant %+v", got, c.r)
			}
			b2, _ := Marshal(got)
			if !bytes.Equal(b, b2) {
				t.Error("second Marshal differs from the first")
			}
			if bytes.Contains(b, []byte(`\u`)) {
				t.Error("Marshal escaped characters; files must keep Chinese readable")
			}
			if !bytes.HasPrefix(b, []byte("{\n  \"schema\": 1,")) {
				t.Errorf("file does not start with the schema: %.40s", b)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	sample := string(assets.Sample)
	cases := []struct {
		name      string
		data      string
		msg       []string
		line, col int
	}{
		{"empty", "", []string{"空的"}, 0, 0},
		{"garbage", "garbage{", []string{"这不是年报文件", "“garbage{”"}, 0, 0},
		{"a Chinese text", "这是一份会议纪要，不是年报。\n第二行", []string{"这不是年报文件", "“这是一份会议纪要，不是年报。”", "普通文本", "导入"}, 0, 0},
		{"a web page", "<!DOCTYPE html><html>", []string{"网页"}, 0, 0},
		{"a Word file", "PK\x03\x04\x14\x00", []string{"Word（.docx）"}, 0, 0},
		{"a missing colon", "{\"schema\": 1,\n  \"year\" 2023}", []string{"文件格式有误", "“2”处应为冒号"}, 2, 10},
		{"a missing comma", "{\"schema\": 1\n  \"year\": 2023}", []string{"“\"”处应为逗号"}, 2, 3},
		{"Chinese where a value belongs", "{\"schema\": 年报}", []string{"“年”处应为一个值"}, 1, 12},
		{"truncated", sample[:3000], []string{"截断"}, 52, 27},
		{"wrong type", strings.Replace(sample, `"year": 2023`, `"year": "2023"`, 1), []string{"字段“year”应为数字，实际为文本"}, 3, 17},
		{"an array", "[1,2]", []string{"应为对象"}, 1, 2},
		{"future schema", strings.Replace(sample, `"schema": 1`, `"schema": 2`, 1), []string{"更新版本", "文件未做任何改动"}, 0, 0},
		{"no schema", strings.Replace(sample, `"schema": 1,`, ``, 1), []string{"缺少格式版本"}, 0, 0},
		{"unknown template", strings.Replace(sample, `"template": "2021"`, `"template": "2022"`, 1), []string{"模板版本“2022”未知"}, 0, 0},
		{"year out of range", strings.Replace(sample, `"year": 2023`, `"year": 1023`, 1), []string{"年度 1023"}, 0, 0},
		{"unknown cell", strings.Replace(sample, `"t3.new.natural": 0`, `"t3.new.natural": 0, "t3.x.natural": 0`, 1), []string{"t3.x.natural", "不属于"}, 0, 0},
		{"total stored as input", strings.Replace(sample, `"t3.new.natural": 0`, `"t3.new.natural": 0, "t3.new.total": 0`, 1), []string{"自动计算的合计"}, 0, 0},
		{"input stored as declared", strings.Replace(sample, `"t3.new.total": 0`, `"t3.new.natural": 0`, 1), []string{"不是合计单元格"}, 0, 0},
		{"too many decimals", strings.Replace(sample, `"t2_8.fee.amount": 0`, `"t2_8.fee.amount": 0.1234567`, 1), []string{"小数位数超过6位", "行政事业性收费"}, 0, 0},
		{"a date that does not exist", strings.Replace(sample, `"2024-01-19"`, `"2024-02-30"`, 1), []string{"不存在"}, 279, 13},
		{"broken last year", strings.Replace(sample, `"signing": {`, `"last_year": {"schema": 1, "year": 2022, "template": "1999"}, "signing": {`, 1), []string{"上年报告", "1999"}, 0, 0},
		{"not UTF-8", "\xff\xfe{\x00", []string{"UTF-8"}, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.data))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FileError", err)
			}
			for _, m := range c.msg {
				if !strings.Contains(fe.Error(), m) {
					t.Errorf("message %q lacks %q", fe.Error(), m)
				}
			}
			if fe.Line != c.line || fe.Col != c.col {
				t.Errorf("position %d:%d, want %d:%d", fe.Line, fe.Col, c.line, c.col)
			}
		})
	}
}

func TestParseAcceptsBOMAndNewerSchemaIsMarked(t *testing.T) {
	r, err := Parse(append([]byte("\xef\xbb\xbf"), assets.Sample...))
	if err != nil || r.Organ.ShortName != "别斯托别乡" {
		t.Fatalf("BOM file: %v", err)
	}
	_, err = Parse(bytes.Replace(assets.Sample, []byte(`"schema": 1`), []byte(`"schema": 7`), 1))
	if !errors.Is(err, ErrNewerSchema) {
		t.Errorf("newer schema error %v does not wrap ErrNewerSchema", err)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "无此文件.nianbao")); err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
	huge := filepath.Join(dir, "huge.nianbao")
	if err := os.WriteFile(huge, bytes.Repeat([]byte(" "), MaxFileSize+10), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(huge); err == nil || !strings.Contains(err.Error(), "文件过大") || !strings.Contains(err.Error(), huge) {
		t.Errorf("huge file: %v", err)
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao")
	r := Sample()
	if err := Save(path, r); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".bak"); !os.IsNotExist(err) {
		t.Error("a first save made a backup")
	}
	first, _ := os.ReadFile(path)
	r.Year = 2024
	r.Signing.Date = Date{2025, 1, 10}
	if err := Save(path, r); err != nil {
		t.Fatal(err)
	}
	bak, _ := os.ReadFile(path + ".bak")
	if !bytes.Equal(bak, first) {
		t.Error("the backup is not the previous version")
	}
	got, err := Load(path)
	if err != nil || got.Year != 2024 {
		t.Fatalf("saved report: %v %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestSaveRefusesToOverwriteAnUnreadableFile(t *testing.T) {
	cases := []struct{ name, content string }{
		{"a text file", "这是一份会议纪要，不是年报。"},
		{"a truncated report", string(assets.Sample[:500])},
		{"a report from a newer version", strings.Replace(string(assets.Sample), `"schema": 1`, `"schema": 9`, 1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.nianbao")
			os.WriteFile(path, []byte(c.content), 0o644)
			err := Save(path, Sample())
			if err == nil || !strings.Contains(err.Error(), "没有覆盖") {
				t.Fatalf("Save over %s: %v", c.name, err)
			}
			if b, _ := os.ReadFile(path); string(b) != c.content {
				t.Error("the file was changed")
			}
		})
	}
}

func TestSaveIntoMissingFolder(t *testing.T) {
	err := Save(filepath.Join(t.TempDir(), "无此文件夹", "x.nianbao"), Sample())
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Msg, "无法在该文件夹中写入") {
		t.Errorf("Save into a missing folder: %v", err)
	}
}

func TestSaveRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao")
	stale := filepath.Join(dir, ".报告.nianbao.tmp-111")
	fresh := filepath.Join(dir, ".报告.nianbao.tmp-222")
	other := filepath.Join(dir, ".其他.nianbao.tmp-333")
	for _, p := range []string{stale, fresh, other} {
		os.WriteFile(p, []byte("{"), 0o644)
	}
	long := time.Now().Add(-time.Hour)
	os.Chtimes(stale, long, long)
	os.Chtimes(other, long, long)
	if err := Save(path, Sample()); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{stale: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists = %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

func TestReasonLeavesTheFileOut(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"a position in the file", &FileError{Path: "甲.nianbao", Line: 3, Col: 5, Msg: "缺少逗号"}, "第3行第5列：缺少逗号"},
		{"the whole file", &FileError{Path: "甲.nianbao", Msg: "文件是空的"}, "文件是空的"},
		{"wrapped", fmt.Errorf("load: %w", &FileError{Path: "甲.nianbao", Msg: "文件是空的"}), "文件是空的"},
		{"another error naming the file", errors.New("甲.nianbao：无法读取"), "无法读取"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Reason(c.err, "甲.nianbao"); got != c.want {
				t.Errorf("Reason = %q, want %q", got, c.want)
			}
		})
	}
}
