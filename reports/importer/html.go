package importer

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// A web page saved from the portal (or Word's “save as web page”) is read
// like a .docx: block elements are paragraphs, tables keep their merged
// cells (colspan for the grid column, rowspan continuation cells read as
// empty, as a copy from the browser gives them).

// looksHTML reports whether data is an HTML page.
func looksHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n"))
	head = head[:min(len(head), 512)]
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
}

var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "section": true, "article": true, "center": true, "blockquote": true,
	"dd": true, "dt": true, "dl": true, "pre": true, "address": true, "header": true, "footer": true,
	"main": true, "body": true, "hr": true, "caption": true, "figure": true, "form": true,
}

var skipTags = map[string]bool{"script": true, "style": true, "head": true, "noscript": true, "template": true, "iframe": true, "object": true, "svg": true}

// htmlDocument reads an HTML page into blocks.
func htmlDocument(data []byte) ([]block, string, error) {
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	text := data
	if name != "utf-8" {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, "", fmt.Errorf("网页的字符编码（%s）无法解码：%w", name, err)
		}
		text = out
	}
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, "", fmt.Errorf("网页无法解析：%w", err)
	}
	h := &htmlReader{}
	h.walk(root, 0)
	h.flush()
	return h.blocks, strings.ToUpper(name), nil
}

type htmlReader struct {
	blocks  []block
	para    strings.Builder
	paraNo  int
	tableNo int
}

func (h *htmlReader) flush() {
	t := strings.TrimSpace(h.para.String())
	h.para.Reset()
	if t == "" {
		return
	}
	h.paraNo++
	h.blocks = append(h.blocks, block{para: t, pos: Position{Para: h.paraNo}})
}

func (h *htmlReader) walk(n *html.Node, depth int) {
	if depth > maxXMLDepth || len(h.blocks) > maxDocxBlocks {
		return
	}
	switch n.Type {
	case html.TextNode:
		h.para.WriteString(collapseSpace(n.Data))
		return
	case html.ElementNode:
		tag := n.Data
		switch {
		case skipTags[tag]:
			return
		case tag == "br":
			h.flush()
			return
		case tag == "table":
			h.flush()
			h.table(n, depth)
			return
		case blockTags[tag]:
			h.flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				h.walk(c, depth+1)
			}
			h.flush()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c, depth+1)
	}
}

// collapseSpace turns runs of HTML white space into one space, as a
// browser shows them; &nbsp; stays.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// table reads a table's rows; cells covered by a rowspan from above are
// given as empty cells at their grid column.
func (h *htmlReader) table(n *html.Node, depth int) {
	h.tableNo++
	tb := &table{pos: Position{Table: h.tableNo}}
	covered := map[[2]int]bool{} // grid positions taken by rowspans from above
	var rows []*html.Node
	var collect func(*html.Node, int)
	collect = func(m *html.Node, d int) {
		for c := m.FirstChild; c != nil && d < maxXMLDepth; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "tr":
				rows = append(rows, c)
			case "thead", "tbody", "tfoot":
				collect(c, d+1)
			}
		}
	}
	collect(n, depth)
	for ri, tr := range rows[:min(len(rows), maxRowsPerTable)] {
		row := trow{pos: Position{Table: h.tableNo, Row: ri + 1}}
		col := 0
		emitCovered := func() {
			for covered[[2]int{ri, col}] && col < maxCellsPerRow {
				row.cells = append(row.cells, tcell{col: col})
				col++
			}
		}
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || td.Data != "td" && td.Data != "th" {
				continue
			}
			emitCovered()
			cs, rs := spanAttr(td, "colspan"), spanAttr(td, "rowspan")
			var text strings.Builder
			cellText(td, &text, depth+1)
			row.cells = append(row.cells, tcell{text: strings.TrimSpace(text.String()), col: col})
			for dr := 1; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					covered[[2]int{ri + dr, col + dc}] = true
				}
			}
			col += cs
			if len(row.cells) >= maxCellsPerRow {
				break
			}
		}
		emitCovered()
		tb.rows = append(tb.rows, row)
	}
	if len(tb.rows) > 0 {
		h.blocks = append(h.blocks, block{table: tb, pos: tb.pos})
	}
}

func spanAttr(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			v := 0
			for _, r := range strings.TrimSpace(a.Val) {
				if r < '0' || r > '9' {
					break
				}
				v = v*10 + int(r-'0')
				if v > maxCellsPerRow {
					return maxCellsPerRow
				}
			}
			return max(v, 1)
		}
	}
	return 1
}

// cellText collects the text of a table cell; its paragraphs are one label
// broken over lines.
func cellText(n *html.Node, b *strings.Builder, depth int) {
	if depth > maxXMLDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(strings.TrimSpace(collapseSpace(c.Data)))
		case c.Type == html.ElementNode && !skipTags[c.Data]:
			cellText(c, b, depth+1)
		}
	}
}
