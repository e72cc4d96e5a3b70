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
	r, findings, err := xlsx.Read(name, data)
	if err != nil {
		return nil, err
	}
	res := &Result{Report: r, Format: "Excel 表格", Findings: findings}
	res.Findings = append(res.Findings, reports.ImportFinding(reports.Note, reports.Location{},
		"Excel 表格只含统计表数值；总体情况、问题和改进等文字部分为空，请在程序中填写或从 Word 文档导入"))
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
	rd := &docxReader{num: num}
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			if rd.depth > 0 {
				return nil, fmt.Errorf("文档不完整（文件可能已损坏或被截断）")
			}
			return rd.blocks, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := rd.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if err := rd.end(t); err != nil {
				return nil, err
			}
		case xml.CharData:
			if rd.skip == 0 && rd.inText && rd.inPara > 0 {
				rd.para.Write(t)
			}
		}
	}
}

// docxReader is the state of readDocumentXML as it walks word/document.xml:
// the blocks so far, the paragraph and the table being read.
type docxReader struct {
	num      *numbering
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
}

// xmlAttr is the value of an element's attribute named local (any
// namespace); "" if it has none.
func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// start takes an element's start: paragraphs and their runs, lists, and
// the rows and cells (with their grid positions and merges) of top-level
// tables.
func (rd *docxReader) start(t xml.StartElement) error {
	rd.depth++
	if rd.depth > maxXMLDepth {
		return fmt.Errorf("嵌套层次过深")
	}
	if rd.skip > 0 {
		rd.skip++
		return nil
	}
	switch t.Name.Local {
	case "Fallback", "delText", "instrText", "tabs", "moveFrom", "del":
		rd.skip = 1
	case "p":
		rd.inPara++
		if rd.inPara == 1 {
			rd.para.Reset()
			rd.numID, rd.ilvl = "", 0
		}
	case "numId":
		if rd.inPara == 1 {
			rd.numID = xmlAttr(t, "val")
		}
	case "ilvl":
		if rd.inPara == 1 {
			rd.ilvl, _ = strconv.Atoi(xmlAttr(t, "val"))
		}
	case "t":
		rd.inText = true
	case "tab":
		if rd.inPara > 0 {
			rd.para.WriteString("\t")
		}
	case "br", "cr":
		if rd.inPara > 0 {
			rd.para.WriteString("\n")
		}
	default:
		rd.startTablePart(t)
	}
	return nil
}

// startTablePart takes the start of a table, a row, a cell, or a cell's
// grid position and merge; nested tables count only as text of their cell.
func (rd *docxReader) startTablePart(t xml.StartElement) {
	top := len(rd.tables) == 1
	switch t.Name.Local {
	case "tbl":
		if len(rd.tables) == 0 {
			rd.tableNo++
		}
		rd.tables = append(rd.tables, &table{pos: reports.Position{Table: rd.tableNo}})
	case "tr":
		if top {
			rd.row = &trow{pos: reports.Position{Table: rd.tableNo, Row: len(rd.tables[0].rows) + 1}}
			rd.rowCells = nil
			rd.gridNext = 0
		}
	case "gridBefore":
		if top && rd.row != nil {
			n, _ := strconv.Atoi(xmlAttr(t, "val"))
			rd.gridNext += min(max(n, 0), maxCellsPerRow)
		}
	case "tc":
		if top && rd.row != nil {
			rd.cell = &docxCell{col: rd.gridNext, span: 1}
		}
	case "gridSpan":
		if top && rd.cell != nil {
			if n, err := strconv.Atoi(xmlAttr(t, "val")); err == nil && n > 1 {
				rd.cell.span = min(n, maxCellsPerRow)
			}
		}
	case "vMerge":
		if top && rd.cell != nil {
			rd.cell.vmerge = xmlAttr(t, "val") != "restart"
		}
	}
}

// end takes an element's end: a finished paragraph becomes a block (or
// part of its cell's text), a finished row and table go into the blocks.
func (rd *docxReader) end(t xml.EndElement) error {
	rd.depth--
	if rd.skip > 0 {
		rd.skip--
		return nil
	}
	switch t.Name.Local {
	case "t":
		rd.inText = false
	case "p":
		return rd.endParagraph()
	case "tc":
		if len(rd.tables) == 1 && rd.cell != nil && rd.row != nil {
			if len(rd.rowCells) < maxCellsPerRow {
				rd.rowCells = append(rd.rowCells, rd.cell)
			}
			rd.gridNext += rd.cell.span
			rd.cell = nil
		}
	case "tr":
		rd.endRow()
	case "tbl":
		if len(rd.tables) > 0 {
			tb := rd.tables[len(rd.tables)-1]
			rd.tables = rd.tables[:len(rd.tables)-1]
			if len(rd.tables) == 0 {
				tb.pos = reports.Position{Table: rd.tableNo}
				rd.blocks = append(rd.blocks, block{table: tb, pos: tb.pos})
			}
		}
	}
	return nil
}

// endParagraph ends a paragraph: its list label is put in front, and it
// becomes one block per line, or a line of its table cell's label.
func (rd *docxReader) endParagraph() error {
	rd.inPara--
	if rd.inPara > 0 {
		return nil
	}
	text := rd.para.String()
	if rd.numID != "" && strings.TrimSpace(text) != "" {
		text = rd.num.label(rd.numID, rd.ilvl) + text
	}
	if len(rd.tables) > 0 && rd.cell != nil {
		// A cell's paragraphs are one label broken over lines.
		rd.cell.text.WriteString(strings.TrimSpace(text))
		rd.cell.paraSeen = true
	} else if len(rd.tables) == 0 {
		rd.paraNo++
		for _, line := range strings.Split(text, "\n") {
			rd.blocks = append(rd.blocks, block{para: line, pos: reports.Position{Para: rd.paraNo}})
		}
	}
	if len(rd.blocks) > maxDocxBlocks {
		return fmt.Errorf("段落过多")
	}
	return nil
}

// endRow puts a finished row of a top-level table into it, a vertically
// merged cell's continuation read as empty, as Word copies it.
func (rd *docxReader) endRow() {
	if len(rd.tables) != 1 || rd.row == nil {
		return
	}
	for _, c := range rd.rowCells {
		text := c.text.String()
		if c.vmerge {
			text = "" // as Word copies a vertically merged cell
		}
		rd.row.cells = append(rd.row.cells, tcell{text: text, col: c.col})
	}
	if len(rd.tables[0].rows) < maxRowsPerTable {
		rd.tables[0].rows = append(rd.tables[0].rows, *rd.row)
	}
	rd.row = nil
}
