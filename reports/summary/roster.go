package summary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/reports/xlsx"
)

// maxRosterSize bounds a roster file: a county has at most a few hundred units.
const maxRosterSize = 4 << 20

// ReadRoster reads the list of units expected to report: a text file with
// one unit name per line (UTF-8, with or without a byte order mark, or the
// GBK that older Notepad saves), or an .xlsx whose first column holds the
// names (a first column of serial numbers is skipped for the next one).
// Empty lines and a heading such as 单位名称 are ignored.
func ReadRoster(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("报送名单 %s 无法打开：%w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxRosterSize+1))
	if err != nil {
		return nil, fmt.Errorf("报送名单 %s 读取失败：%w", path, err)
	}
	if len(data) > maxRosterSize {
		return nil, fmt.Errorf("报送名单 %s 过大（超过 %d MB），不是单位名单", path, maxRosterSize>>20)
	}
	var names []string
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		names, err = rosterXLSX(path, data)
		if err != nil {
			return nil, err
		}
	} else {
		text, err := decodeText(data)
		if err != nil {
			return nil, fmt.Errorf("报送名单 %s：%w", path, err)
		}
		names = strings.Split(text, "\n")
	}
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(strings.Trim(n, "\r\ufeff"))
		if n == "" || isHeading(n) {
			continue
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("报送名单 %s 中没有单位名称（应每行一个单位，或在 Excel 第一列）", path)
	}
	return out, nil
}

func isHeading(s string) bool {
	switch strings.ReplaceAll(s, " ", "") {
	case "单位", "单位名称", "名称", "报送单位", "单位全称", "序号":
		return true
	}
	return false
}

func decodeText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", errors.New("既不是 UTF-8 也不是 GBK 编码的文本")
	}
	return string(out), nil
}

func rosterXLSX(path string, data []byte) ([]string, error) {
	_, rows, err := xlsx.FirstSheetRows(path, data)
	if err != nil {
		return nil, fmt.Errorf("报送名单：%w", err)
	}
	col := 0
	if allNumbers(rows, 0) {
		col = 1 // 序号 in the first column
	}
	var out []string
	for _, r := range rows {
		if col < len(r) {
			out = append(out, r[col])
		}
	}
	return out, nil
}

// allNumbers reports whether every non-empty cell of a column below its
// heading is a serial number.
func allNumbers(rows [][]string, col int) bool {
	n := 0
	for _, r := range rows {
		if col >= len(r) || strings.TrimSpace(r[col]) == "" || isHeading(r[col]) {
			continue
		}
		for _, c := range strings.TrimSpace(r[col]) {
			if c < '0' || c > '9' {
				return false
			}
		}
		n++
	}
	return n > 0
}
