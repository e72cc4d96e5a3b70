package importer

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"nianbao/reports"
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
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain && name == "windows-1252" && !utf8.Valid(data) {
		// No charset declared and not UTF-8: a Chinese page saved by an
		// older browser or site is GBK (GB18030 includes it), not the
		// windows-1252 the HTML standard guesses for the West.
		enc, name = simplifiedchinese.GB18030, "gb18030"
	}
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
	h.markReport(root)
	return h.blocks, strings.ToUpper(name), nil
}

type htmlReader struct {
	blocks []block
	// owners[i] is the element blocks[i] was read from (its innermost
	// block element, or the table).
	owners  []*html.Node
	cur     *html.Node // the block element being read
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
	h.blocks = append(h.blocks, block{para: t, pos: reports.Position{Para: h.paraNo}})
	h.owners = append(h.owners, h.cur)
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
		case blockTags[tag] || tag == "table" && isLayoutTable(n) || tag == "td" || tag == "th":
			// A block element, or a table that lays out the page (old
			// portals put the whole article in one) and its cells (a cell
			// reaches walk only in such a table: h.table reads the others):
			// its content is read as blocks owned by it.
			h.flush()
			outer := h.cur
			h.cur = n
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				h.walk(c, depth+1)
			}
			h.flush()
			h.cur = outer
			return
		case tag == "table":
			h.flush()
			h.table(n, depth)
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c, depth+1)
	}
}

// markReport finds the element that holds the report in a portal's page —
// the smallest one containing every section heading (一、总体情况 … 六、其他
// 需要报告的事项) and statistical table of the page — and marks every block
// outside it as page chrome, except the report's title when the page
// prints it above the article (in an <h1> or a title bar). Without a title
// in the body, the page's <title> gives it. A page with fewer than two such
// landmarks is read whole.
func (h *htmlReader) markReport(root *html.Node) {
	var marks []*html.Node
	for i, b := range h.blocks {
		if b.table != nil && isStatTable(b.table) || b.table == nil && sectionHeading(b.para) != "" {
			marks = append(marks, h.owners[i])
		}
	}
	if len(marks) < 2 {
		h.titleFromHead(root, 0)
		return
	}
	box := marks[0]
	for _, m := range marks[1:] {
		box = commonAncestor(box, m)
	}
	if box == nil {
		return
	}
	first := -1
	for i := range h.blocks {
		if within(h.owners[i], box) {
			if first < 0 {
				first = i
			}
			continue
		}
		h.blocks[i].chrome = true
	}
	// The 落款 printed in an element of its own after the article's.
	last := -1
	for i := range h.blocks {
		if !h.blocks[i].chrome {
			last = i
		}
	}
	for i := last + 1; i < len(h.blocks) && i <= last+2; i++ {
		b := h.blocks[i]
		if b.table != nil {
			break
		}
		if _, date := parseDateLine(b.para); !date && !looksLikeOrgan(b.para) {
			break
		}
		h.blocks[i].chrome = false
	}
	// The title above the article: the last title before it, else the
	// page's <title>.
	if h.titledFrom(first) {
		return
	}
	for i := first - 1; i >= 0; i-- {
		if b := h.blocks[i]; b.table == nil && isTitleLine(b.para) {
			h.blocks[i].chrome = false
			return
		}
	}
	h.titleFromHead(root, first)
}

// titledFrom reports whether a block kept from at on, before the first
// section heading, is the report's title.
func (h *htmlReader) titledFrom(at int) bool {
	for _, b := range h.blocks[max(at, 0):] {
		if b.table != nil || b.chrome {
			continue
		}
		if sectionHeading(b.para) != "" {
			return false
		}
		if isTitleLine(b.para) {
			return true
		}
	}
	return false
}

// isTitleLine reports whether s reads as a report's title with its year.
func isTitleLine(s string) bool {
	c := canon(s)
	return isTitleLike(c) && reTitleYear.MatchString(c)
}

// titleFromHead puts the page's <title> (“××乡2023年政府信息公开工作年度
// 报告_××县人民政府”) before block at as the report's title when no block
// before the first section heading has one.
func (h *htmlReader) titleFromHead(root *html.Node, at int) {
	at = max(at, 0)
	if h.titledFrom(at) {
		return
	}
	t := findElement(root, "title", 0)
	if t == nil {
		return
	}
	var b strings.Builder
	cellText(t, &b, 0)
	for _, part := range strings.FieldsFunc(b.String(), func(r rune) bool { return r == '_' || r == '|' || r == '—' || r == '－' }) {
		part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), "-"))
		if isTitleLine(part) {
			h.blocks = slices.Insert(h.blocks, at, block{para: part, pos: reports.Position{Para: 1}})
			h.owners = slices.Insert(h.owners, at, t)
			return
		}
	}
}

// isLayoutTable reports whether a table lays out a page rather than
// holding data: a cell holds another table, or a cell holds a passage of
// text (a statistical table's cells are labels and numbers).
func isLayoutTable(n *html.Node) bool {
	var visit func(m *html.Node, d int, inCell bool) bool
	visit = func(m *html.Node, d int, inCell bool) bool {
		if d > maxXMLDepth {
			return false
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case c.Data == "table" && inCell:
				return true
			case c.Data == "td" || c.Data == "th":
				if n := 300; textLonger(c, &n, d+1) || visit(c, d+1, true) {
					return true
				}
			case c.Data == "tr" || c.Data == "tbody" || c.Data == "thead" || c.Data == "tfoot" || inCell:
				if visit(c, d+1, inCell) {
					return true
				}
			}
		}
		return false
	}
	return visit(n, 0, false)
}

// textLonger reports whether the text under n has more than *left
// characters, reading no further than that.
func textLonger(n *html.Node, left *int, depth int) bool {
	if depth > maxXMLDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			*left -= utf8.RuneCountInString(strings.TrimSpace(c.Data))
			if *left < 0 {
				return true
			}
		case c.Type == html.ElementNode && !skipTags[c.Data]:
			if textLonger(c, left, depth+1) {
				return true
			}
		}
	}
	return false
}

// isStatTable reports whether t is one of the report's statistical tables.
func isStatTable(t *table) bool {
	for _, r := range t.rows {
		for _, c := range r.cells {
			x := canon(c.text)
			if reCaption.MatchString(x) || x == "信息内容" || x == "申请人情况" || strings.Contains(x, "勾稽关系") || x == "行政复议" || x == "结果维持" {
				return true
			}
		}
	}
	return false
}

func findElement(n *html.Node, tag string, depth int) *html.Node {
	if depth > maxXMLDepth {
		return nil
	}
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// within reports whether n is box or inside it.
func within(n, box *html.Node) bool {
	for d := 0; n != nil && d <= maxXMLDepth; d++ {
		if n == box {
			return true
		}
		n = n.Parent
	}
	return false
}

// commonAncestor returns the innermost element holding both a and b.
func commonAncestor(a, b *html.Node) *html.Node {
	seen := map[*html.Node]bool{}
	for n, d := a, 0; n != nil && d <= maxXMLDepth; n, d = n.Parent, d+1 {
		seen[n] = true
	}
	for n, d := b, 0; n != nil && d <= maxXMLDepth; n, d = n.Parent, d+1 {
		if seen[n] {
			return n
		}
	}
	return nil
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
	tb := &table{pos: reports.Position{Table: h.tableNo}}
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
		row := trow{pos: reports.Position{Table: h.tableNo, Row: ri + 1}}
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
		h.owners = append(h.owners, n)
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
