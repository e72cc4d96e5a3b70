package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxFileSize is the largest report file nianbao reads. Real reports are
// 10–60 KB; anything near this is not a report.
const MaxFileSize = 8 << 20

// FileError is a report file that could not be used. Its message is Chinese
// and says what is wrong and where.
type FileError struct {
	Path string
	Line int // 1-based; 0 when not about a position
	Col  int
	Msg  string
	Err  error
}

// Error names the file (and the line and column) and says what is wrong.
func (e *FileError) Error() string {
	name := e.Path
	if name == "" {
		name = "年报文件"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s 第%d行第%d列：%s", name, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s：%s", name, e.Msg)
}

// Reason is err's message without the file's name, for a list whose rows
// name the file in a column of their own (汇总, 审核): "第3行第5列：…" or the
// message; for another error, its text with a leading "name：" cut off.
func Reason(err error, name string) string {
	var fe *FileError
	if errors.As(err, &fe) {
		if fe.Line > 0 {
			return fmt.Sprintf("第%d行第%d列：%s", fe.Line, fe.Col, fe.Msg)
		}
		return fe.Msg
	}
	return strings.TrimPrefix(err.Error(), name+"：")
}

// Unwrap gives the underlying error (a sentinel such as ErrNewerSchema, or the system's).
func (e *FileError) Unwrap() error { return e.Err }

// ErrNewerSchema is wrapped by the error for a file written by a newer nianbao.
var ErrNewerSchema = errors.New("文件由更新版本的程序保存")

// Load reads and validates a report file.
func Load(path string) (*Report, error) {
	r, _, _, err := load(path)
	return r, err
}

// load reads and parses the report file at path, returning the bytes it
// parsed and the file's info (nil if Stat failed) for LoadState. Errors
// are *FileError naming the file, or Parse's error with the path set.
func load(path string) (*Report, []byte, fs.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, &FileError{Path: path, Msg: openMessage(err), Err: err}
	}
	defer f.Close()
	fi, _ := f.Stat()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, nil, nil, &FileError{Path: path, Msg: "读取失败：" + ioReason(err), Err: err}
	}
	r, err := Parse(data)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			fe.Path = path
		}
		return nil, nil, nil, err
	}
	return r, data, fi, nil
}

func openMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	}
	return "无法打开：" + err.Error()
}

// fileReport is how a report is decoded: cells stay raw so that a bad value
// can be reported with the cell it is in.
type fileReport struct {
	*reportFields
	Cells    map[CellKey]json.RawMessage `json:"cells"`
	Declared map[CellKey]json.RawMessage `json:"declared"`
	LastYear json.RawMessage             `json:"last_year"`
}

type reportFields Report

// Parse reads a report from the bytes of a .nianbao file. A UTF-8 byte order
// mark is accepted (Notepad writes one).
func Parse(data []byte) (*Report, error) {
	return parse(data, true)
}

func parse(data []byte, top bool) (*Report, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch {
	case len(data) > MaxFileSize:
		return nil, &FileError{Msg: fmt.Sprintf("文件过大（超过 %d MB），不是年报文件", MaxFileSize>>20)}
	case len(bytes.TrimSpace(data)) == 0:
		return nil, &FileError{Msg: "文件是空的"}
	}
	if fe := notAReport(data); fe != nil {
		return nil, fe
	}
	if !utf8.Valid(data) {
		return nil, &FileError{Msg: "文件不是 UTF-8 编码的年报文件"}
	}
	r := &Report{}
	fr := fileReport{reportFields: (*reportFields)(r)}
	if err := json.Unmarshal(data, &fr); err != nil {
		return nil, jsonError(data, err)
	}
	if err := checkSchema(r.Schema); err != nil {
		return nil, err
	}
	if Lookup(r.Template) == nil {
		return nil, &FileError{Msg: fmt.Sprintf("模板版本“%s”未知（应为 2021 或 2019）", r.Template)}
	}
	if !ValidYear(r.Year) {
		return nil, &FileError{Msg: fmt.Sprintf("年度 %d 不合理（year 字段）", r.Year)}
	}
	var err error
	if r.Cells, err = decodeCells(r.Tmpl(), fr.Cells, false); err != nil {
		return nil, err
	}
	if r.Declared, err = decodeCells(r.Tmpl(), fr.Declared, true); err != nil {
		return nil, err
	}
	if len(r.Declared) == 0 {
		r.Declared = nil
	}
	if top && len(fr.LastYear) > 0 && string(fr.LastYear) != "null" {
		prev, err := parse(fr.LastYear, false)
		if err != nil {
			var fe *FileError
			if errors.As(err, &fe) {
				fe.Line, fe.Col = 0, 0
				fe.Msg = "上年报告（last_year）有误：" + fe.Msg
			}
			return nil, err
		}
		r.LastYear = prev
	}
	return r, nil
}

func checkSchema(v int) error {
	switch {
	case v == 0:
		return &FileError{Msg: "缺少格式版本（schema），这不是年报文件"}
	case v > SchemaVersion:
		return &FileError{Err: ErrNewerSchema, Msg: fmt.Sprintf(
			"此文件由更新版本的年报程序保存（文件格式 %d，本程序支持到 %d）。请安装新版本后再打开；文件未做任何改动。", v, SchemaVersion)}
	case v < 0:
		return &FileError{Msg: fmt.Sprintf("格式版本（schema）%d 不合理", v)}
	}
	return nil
}

func decodeCells(t *Template, raw map[CellKey]json.RawMessage, declared bool) (map[CellKey]Cell, error) {
	out := make(map[CellKey]Cell, len(raw))
	field := "cells"
	if declared {
		field = "declared"
	}
	for k, v := range raw {
		tb, ri, ci, ok := t.Cell(k)
		if !ok {
			return nil, &FileError{Msg: fmt.Sprintf("%s 中的单元格“%s”不属于%s年版模板", field, k, t.Version)}
		}
		computed := tb.IsComputed(ri, ci)
		if computed != declared {
			if declared {
				return nil, &FileError{Msg: fmt.Sprintf("declared 中的“%s”（%s）不是合计单元格", k, tb.CellName(t, ri, ci))}
			}
			return nil, &FileError{Msg: fmt.Sprintf("“%s”（%s）是自动计算的合计，不能作为输入保存", k, tb.CellName(t, ri, ci))}
		}
		var c Cell
		if err := json.Unmarshal(v, &c); err != nil {
			return nil, &FileError{Msg: fmt.Sprintf("%s「%s」（%s）：%v", field, k, tb.CellName(t, ri, ci), err), Err: err}
		}
		out[k] = c
	}
	return out, nil
}

// jsonError turns an encoding/json error into a FileError with a line and
// column and a Chinese message.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return syntaxError(data, syn, err)
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		field := strings.TrimPrefix(typ.Field, "reportFields.")
		if field == "" {
			return &FileError{Line: line, Col: col, Msg: fmt.Sprintf("文件内容应为对象（{…}），实际为%s，这不是年报文件", jsonTypeName(typ.Value)), Err: err}
		}
		return &FileError{Line: line, Col: col, Msg: fmt.Sprintf("字段“%s”应为%s，实际为%s", field, jsonTypeName(typ.Type.Kind().String()), jsonTypeName(typ.Value)), Err: err}
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := position(data, int64(len(data)))
		return &FileError{Line: line, Col: col, Msg: "文件不完整（在结尾处被截断）", Err: err}
	}
	fe := &FileError{Msg: "内容有误：" + err.Error(), Err: err}
	// A bad value (such as a date that does not exist) is quoted in the
	// message: point at where it stands in the file.
	if _, rest, ok := strings.Cut(err.Error(), "“"); ok {
		if v, _, ok := strings.Cut(rest, "”"); ok {
			if i := bytes.Index(data, []byte(`"`+v+`"`)); i >= 0 {
				fe.Line, fe.Col = position(data, int64(i))
			}
		}
	}
	return fe
}

func jsonTypeName(s string) string {
	switch s {
	case "string":
		return "文本"
	case "number", "int", "int64", "float64":
		return "数字"
	case "bool":
		return "true/false"
	case "array", "slice":
		return "列表"
	case "object", "struct", "map":
		return "对象"
	}
	return s
}

// position converts a byte offset to a 1-based line and a 1-based column
// counted in characters.
func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	col = utf8.RuneCount(before[start:]) + 1
	return line, col
}

// Marshal encodes a report as the contents of a .nianbao file: indented
// UTF-8 JSON with Chinese unescaped, keys in a fixed order.
func Marshal(r *Report) ([]byte, error) {
	c := *r
	c.Schema = SchemaVersion
	if c.LastYear != nil {
		ly := *c.LastYear
		ly.LastYear = nil
		ly.Schema = SchemaVersion
		c.LastYear = &ly
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&c); err != nil {
		return nil, fmt.Errorf("encode report: %w", err)
	}
	return buf.Bytes(), nil
}

// Save writes the report to path atomically, keeping the previous version
// as path+".bak". It refuses to replace a file that exists but is not a
// readable report, so that nothing the user had is lost.
func Save(path string, r *Report) error {
	data, err := Marshal(r)
	if err != nil {
		return err
	}
	return save(path, data)
}

// save is Save of the encoded report.
func save(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil {
		if _, perr := Parse(old); perr != nil {
			return &FileError{Path: path, Msg: "该位置已有一个无法读取的文件，为避免丢失数据，没有覆盖它。请换一个文件名保存。", Err: perr}
		}
	}
	return WriteFileAtomic(path, data, true)
}

// WriteFileAtomic writes data to path so that path holds either the old or
// the new contents at every moment, even if the process is killed: the data
// goes to a temporary file in the same folder, is synced, and is renamed over
// path. With backup, an existing file is kept as path+".bak" first.
func WriteFileAtomic(path string, data []byte, backup bool) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &FileError{Path: path, Msg: "无法在该文件夹中写入：" + ioReason(err), Err: err}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return &FileError{Path: path, Msg: "写入失败：" + ioReason(err), Err: err}
	}
	if err = tmp.Sync(); err != nil {
		return &FileError{Path: path, Msg: "写入磁盘失败：" + ioReason(err), Err: err}
	}
	if err = tmp.Close(); err != nil {
		return &FileError{Path: path, Msg: "写入失败：" + ioReason(err), Err: err}
	}
	if backup {
		if err = keepBackup(path); err != nil {
			return &FileError{Path: path, Msg: "无法保留旧版本备份：" + ioReason(err), Err: err}
		}
	}
	if err = renameRetry(os.Rename, sharingError, tmp.Name(), path); err != nil {
		msg := "保存失败：" + ioReason(err)
		if sharingError(err) {
			msg = fmt.Sprintf("无法替换“%s”：%s。已重试 %d 次，请关闭正在使用它的程序后再试", filepath.Base(path), ioReason(err), renameAttempts)
		}
		return &FileError{Path: path, Msg: msg, Err: err}
	}
	syncDir(dir)
	removeStaleTemps(path)
	return nil
}

// staleTempAge is how old a temporary file of an interrupted save must be
// before a later save of the same file removes it (a younger one may belong
// to a save still running in another window).
const staleTempAge = 10 * time.Minute

// removeStaleTemps removes the temporary files that saves of path left
// behind when the program was killed or the power failed mid-save.
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), "."+filepath.Base(path)+".tmp-"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleTempAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// keepBackup makes path+".bak" a copy of path, if path exists. The backup
// is itself written atomically, so a crash leaves either backup intact.
func keepBackup(path string) error {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return WriteFileAtomic(path+".bak", old, false)
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported everywhere (Windows); best effort
		d.Close()
	}
}
