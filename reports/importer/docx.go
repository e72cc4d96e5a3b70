package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"nianbao/reports"
	"nianbao/reports/xlsx"
)

// A .docx is a zip of XML parts; the text and tables of the body are all in
// word/document.xml. The reader below walks that one part with
// encoding/xml's token stream: paragraphs (w:p, their runs' w:t, w:tab and
// w:br) and tables (w:tbl, w:tr, w:tc with w:gridSpan, w:gridBefore and
// w:vMerge). That is all an annual report needs, it stays small and
// dependency-free, and unlike a general document library it lets us bound
// every size (zip bombs).

// Limits against hostile or broken archives.
const (
	maxZipEntries   = 10000
	maxDocumentXML  = 32 << 20 // uncompressed word/document.xml
	maxXMLDepth     = 256
	maxDocxBlocks   = 200000
	maxCellsPerRow  = 512
	maxRowsPerTable = 10000
)

func importZip(name string, data []byte) (*Result, error) {
	ferr := func(msg string, err error) error {
		return &reports.FileError{Path: name, Msg: msg, Err: err}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ferr("文件是压缩包格式但已损坏，无法打开（"+err.Error()+"）", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, ferr(fmt.Sprintf("压缩包中有 %d 个文件，不是正常的 Word 文档", len(zr.File)), nil)
	}
	var doc, workbook, odt, numXML *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "word/numbering.xml":
			numXML = f
		case "xl/workbook.xml":
			workbook = f
		case "content.xml":
			odt = f
		}
	}
	switch {
	case doc == nil && workbook != nil:
		return importXLSX(name, data)
	case doc == nil && odt != nil:
		return nil, ferr("这是 WPS/LibreOffice 的 .odt 文档，请先“另存为”Word（.docx）格式再导入", nil)
	case doc == nil:
		return nil, ferr("这是一个压缩包，但不是 Word（.docx）文档：里面没有 word/document.xml", nil)
	}
	if doc.UncompressedSize64 > maxDocumentXML {
		return nil, ferr(fmt.Sprintf("Word 文档正文过大（解压后 %d MB），可能是恶意构造的文件（压缩炸弹），已拒绝读取", doc.UncompressedSize64>>20), nil)
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, ferr("Word 文档正文无法解压："+err.Error(), err)
	}
	defer rc.Close()
	// The size in the zip header can lie: read at most the limit plus one byte.
	xmlData, err := io.ReadAll(io.LimitReader(rc, maxDocumentXML+1))
	if err != nil {
		return nil, ferr("Word 文档正文无法解压（文件可能已损坏）："+err.Error(), err)
	}
	if len(xmlData) > maxDocumentXML {
		return nil, ferr("Word 文档正文解压后超过 32 MB，可能是恶意构造的文件（压缩炸弹），已拒绝读取", nil)
	}
	var num *numbering
	if numXML != nil && numXML.UncompressedSize64 <= maxNumberingXML {
		if rc, err := numXML.Open(); err == nil {
			data, err := io.ReadAll(io.LimitReader(rc, maxNumberingXML+1))
			rc.Close()
			if err == nil && len(data) <= maxNumberingXML {
				num = readNumbering(data)
			}
		}
	}
	blocks, err := readDocumentXML(xmlData, num)
	if err != nil {
		return nil, ferr("Word 文档正文格式有误："+err.Error(), err)
	}
	res := recognize(tabParagraphs(blocks))
	res.Format = "Word 文档"
	return res, nil
}

// importXLSX reads an Excel workbook of a report's tables (nianbao's own
// export, possibly filled in by hand) with package xlsx. A workbook holds
// only the numbers: the narrative sections stay empty.
func importXLSX(name string, data []byte) (*Result, error) {
	r, probs, err := xlsx.Read(name, data)
	if err != nil {
		return nil, err
	}
	res := &Result{Report: r, Format: "Excel 表格"}
	for _, p := range probs {
		sev := Note
		if p.Severity == reports.Error {
			sev = Uncertain
		}
		where := ""
		if p.Sheet != "" {
			where = "工作表「" + p.Sheet + "」"
			if p.Cell != "" {
				where += p.Cell + "单元格"
			}
			where += "："
		}
		res.Problems = append(res.Problems, Problem{Severity: sev, Message: where + p.Message})
	}
	res.Problems = append(res.Problems, Problem{Severity: Note,
		Message: "Excel 表格只含统计表数值；总体情况、问题和改进等文字部分为空，请在程序中填写或从 Word 文档导入"})
	return res, nil
}

// docxCell is a table cell being read.
type docxCell struct {
	text     strings.Builder
	col      int
	span     int
	vmerge   bool // continues the cell above
	paraSeen bool
}

// readDocumentXML reads the body of word/document.xml into blocks.
func readDocumentXML(data []byte, num *numbering) ([]block, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var (
		blocks   []block
		para     strings.Builder
		inPara   int // depth of nested w:p (text boxes inside paragraphs)
		inText   bool
		paraNo   int
		tableNo  int
		skip     int // depth inside content to ignore (mc:Fallback, w:delText)
		depth    int
		tables   []*table // stack: nested tables are flattened into the cell
		row      *trow
		cell     *docxCell
		rowCells []*docxCell
		gridNext int
		numID    string // the paragraph's automatic list, if any
		ilvl     int
	)
	attr := func(e xml.StartElement, local string) (string, bool) {
		for _, a := range e.Attr {
			if a.Name.Local == local {
				return a.Value, true
			}
		}
		return "", false
	}
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			if depth > 0 {
				return nil, fmt.Errorf("文档不完整（文件可能已损坏或被截断）")
			}
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return nil, fmt.Errorf("嵌套层次过深")
			}
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "Fallback", "delText", "instrText", "tabs", "moveFrom", "del":
				skip = 1
			case "p":
				inPara++
				if inPara == 1 {
					para.Reset()
					numID, ilvl = "", 0
				}
			case "numId":
				if inPara == 1 {
					numID, _ = attr(t, "val")
				}
			case "ilvl":
				if inPara == 1 {
					v, _ := attr(t, "val")
					ilvl, _ = strconv.Atoi(v)
				}
			case "t":
				inText = true
			case "tab":
				if inPara > 0 {
					para.WriteString("\t")
				}
			case "br", "cr":
				if inPara > 0 {
					para.WriteString("\n")
				}
			case "tbl":
				if len(tables) == 0 {
					tableNo++
				}
				tables = append(tables, &table{pos: Position{Table: tableNo}})
			case "tr":
				if len(tables) == 1 {
					row = &trow{pos: Position{Table: tableNo, Row: len(tables[0].rows) + 1}}
					rowCells = nil
					gridNext = 0
				}
			case "gridBefore":
				if len(tables) == 1 && row != nil {
					if v, ok := attr(t, "val"); ok {
						n, _ := strconv.Atoi(v)
						gridNext += min(max(n, 0), maxCellsPerRow)
					}
				}
			case "tc":
				if len(tables) == 1 && row != nil {
					cell = &docxCell{col: gridNext, span: 1}
				}
			case "gridSpan":
				if len(tables) == 1 && cell != nil {
					if v, ok := attr(t, "val"); ok {
						if n, err := strconv.Atoi(v); err == nil && n > 1 {
							cell.span = min(n, maxCellsPerRow)
						}
					}
				}
			case "vMerge":
				if len(tables) == 1 && cell != nil {
					v, _ := attr(t, "val")
					cell.vmerge = v != "restart"
				}
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				inPara--
				if inPara > 0 {
					continue
				}
				text := para.String()
				if numID != "" && strings.TrimSpace(text) != "" {
					text = num.label(numID, ilvl) + text
				}
				if len(tables) > 0 && cell != nil {
					// A cell's paragraphs are one label broken over lines.
					cell.text.WriteString(strings.TrimSpace(text))
					cell.paraSeen = true
				} else if len(tables) == 0 {
					paraNo++
					for _, line := range strings.Split(text, "\n") {
						blocks = append(blocks, block{para: line, pos: Position{Para: paraNo}})
					}
				}
				if len(blocks) > maxDocxBlocks {
					return nil, fmt.Errorf("段落过多")
				}
			case "tc":
				if len(tables) == 1 && cell != nil && row != nil {
					if len(rowCells) < maxCellsPerRow {
						rowCells = append(rowCells, cell)
					}
					gridNext += cell.span
					cell = nil
				}
			case "tr":
				if len(tables) == 1 && row != nil {
					for _, c := range rowCells {
						text := c.text.String()
						if c.vmerge {
							text = "" // as Word copies a vertically merged cell
						}
						row.cells = append(row.cells, tcell{text: text, col: c.col})
					}
					if len(tables[0].rows) < maxRowsPerTable {
						tables[0].rows = append(tables[0].rows, *row)
					}
					row = nil
				}
			case "tbl":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					tables = tables[:len(tables)-1]
					if len(tables) == 0 {
						tb.pos = Position{Table: tableNo}
						blocks = append(blocks, block{table: tb, pos: tb.pos})
					}
				}
			}
		case xml.CharData:
			if skip == 0 && inText && inPara > 0 {
				para.Write(t)
			}
		}
	}
	return blocks, nil
}
