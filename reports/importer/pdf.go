package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"nianbao/reports"
)

// A PDF is read in two steps. This file reads the pages: package
// github.com/ledongthuc/pdf parses the file's objects, cross-reference
// tables and streams (filters, object streams, encryption with an empty
// password), and the content-stream interpreter below turns each page into
// glyphs (one character at its baseline position, with its font size and
// advance width) and ruling segments (horizontal and vertical lines and
// rectangles that are painted). pdflayout.go rebuilds lines, paragraphs
// and tables from those, giving the same blocks the .docx and web page
// readers give. See docs/import-pdf.md.

// Limits against hostile or broken files, in the spirit of the .docx
// reader's (a report is a few dozen pages of text and tables).
const (
	maxPDFPages       = 300
	maxPDFObjects     = 200000
	maxPDFStream      = 32 << 20 // one decompressed content stream
	maxPDFDecoded     = 96 << 20 // all decompressed streams together
	maxPDFGlyphs      = 2000000
	maxPDFSegments    = 400000
	maxPDFFormDepth   = 8
	maxPDFPageTree    = 32
	maxPDFFontsOnPage = 256
)

// pdfGlyph is one character drawn on a page, in PDF points with y up.
type pdfGlyph struct {
	text      string // usually one rune; a ligature or ToUnicode string may be more
	x, y      float64
	w         float64 // advance width
	size      float64 // font size on the page
	unmapped  bool    // no Unicode for its code
	invisible bool    // text render mode 3 (an OCR layer)
}

// pdfSeg is a horizontal or vertical segment painted on a page: a table's
// ruling line, or one side of a painted rectangle.
type pdfSeg struct {
	x0, y0, x1, y1 float64 // x0 <= x1, y0 <= y1
}

// pdfPage is what one page holds.
type pdfPage struct {
	no      int
	height  float64 // for the header and footer margins
	glyphs  []pdfGlyph
	segs    []pdfSeg
	images  int
	damaged string // why the page could not be read completely
}

// pdfError is a reading error with a Chinese message.
type pdfError struct{ msg string }

func (e *pdfError) Error() string { return e.msg }

func pdfFail(format string, a ...any) { panic(&pdfError{fmt.Sprintf(format, a...)}) }

// importPDF reads a PDF with a text layer.
func importPDF(name string, data []byte) (res *Result, err error) {
	ferr := func(msg string, err error) error {
		return &reports.FileError{Path: name, Msg: msg, Err: err}
	}
	pages, err := readPDF(data)
	if err != nil {
		return nil, ferr(err.Error(), err)
	}
	glyphs, unmapped, images := 0, 0, 0
	var damaged []reports.Finding
	for _, p := range pages {
		images += p.images
		if p.damaged != "" {
			damaged = append(damaged, reports.ImportFinding(reports.Warning, reports.Location{Source: reports.Position{Page: p.no}},
				"此页已损坏，未能完整读取（"+clip(p.damaged)+"），请对照原文核对此页的内容"))
		}
		for _, g := range p.glyphs {
			if strings.TrimSpace(g.text) == "" && !g.unmapped {
				continue
			}
			glyphs++
			if g.unmapped {
				unmapped++
			}
		}
	}
	switch {
	case glyphs == 0 && len(damaged) > 0:
		return nil, ferr("PDF 文件已损坏，无法读取其中的文字", nil)
	case glyphs == 0 && images > 0:
		return nil, ferr("这个 PDF 是扫描件（每页是一张图片，没有文字层），无法读取其中的文字。请用报告的 Word 原文件或网页导入，或对照扫描件在程序中填写。", nil)
	case glyphs == 0:
		return nil, ferr("这个 PDF 中没有文字（没有文字层），无法导入。如果它是扫描件，请用报告的 Word 原文件或网页导入。", nil)
	case unmapped*2 > glyphs:
		return nil, ferr("这个 PDF 的字体没有字符对照表（ToUnicode），其中的文字无法还原成汉字。请用报告的 Word 原文件或网页导入，或在 PDF 阅读器中复制全文后粘贴导入。", nil)
	}
	// The layout is nianbao's own code: should it fail on some page, the
	// clerk gets a message, not a crashed window.
	defer func() {
		if x := recover(); x != nil {
			res, err = nil, ferr(fmt.Sprintf("读取 PDF 的版面时出错（%v）。请改用报告的 Word 原文件或网页导入，并把这个 PDF 交给技术人员。", x), nil)
		}
	}()
	blocks, notes := pdfBlocks(pages)
	res = recognize(blocks)
	res.Format = "PDF 文件"
	res.Findings = append(append(notes, damaged...), res.Findings...)
	sortFindings(res.Findings)
	if unmapped > 0 {
		res.Findings = append(res.Findings, reports.ImportFinding(reports.Warning, reports.Location{},
			fmt.Sprintf("PDF 中有 %d 个字符没有对应的汉字编码（字体缺少映射），已印成“□”，请核对", unmapped)))
	}
	return res, nil
}

// readPDF reads every page's glyphs and segments. The parsing library
// reports malformed input by panicking; that is recovered here and
// reported as a damaged file.
func readPDF(data []byte) (pages []pdfPage, err error) {
	defer func() {
		if x := recover(); x != nil {
			pages = nil
			var pe *pdfError
			if e, ok := x.(error); ok && errors.As(e, &pe) {
				err = pe
				return
			}
			err = &pdfError{fmt.Sprintf("PDF 文件已损坏或格式异常，无法读取（%v）", x)}
		}
	}()
	// Bytes before the header (some mail and download tools add them) are
	// not part of the file: offsets count from %PDF. The library knows
	// only PDF 1.x headers; 2.0 files are read alike (the same syntax).
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		data = data[i:]
	}
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		data = bytes.Clone(data)
		copy(data, "%PDF-1.7")
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		msg := err.Error()
		switch {
		case errors.Is(err, pdf.ErrInvalidPassword):
			return nil, &pdfError{"这个 PDF 设置了打开密码，无法读取。请用没有密码的 PDF 或报告的 Word 原文件导入。"}
		case strings.Contains(msg, "encrypt") || strings.Contains(msg, "password"):
			return nil, &pdfError{"这个 PDF 使用了程序不支持的加密方式，无法读取（" + msg + "）。请用报告的 Word 原文件或网页导入，或在 PDF 阅读器中全选复制文字后粘贴导入。"}
		case strings.Contains(msg, "invalid header"):
			return nil, &pdfError{"文件开头像 PDF，但不是有效的 PDF 文件（文件头有误），无法读取"}
		case strings.Contains(msg, "EOF") || strings.Contains(msg, "startxref"):
			return nil, &pdfError{"PDF 文件不完整（可能下载或复制时被截断，文件末尾缺少目录），无法读取"}
		}
		return nil, &pdfError{"PDF 文件已损坏，无法读取（" + msg + "）"}
	}
	if n := r.Trailer().Key("Size").Int64(); n > maxPDFObjects {
		return nil, &pdfError{fmt.Sprintf("PDF 文件中有 %d 个对象（上限 %d），不是正常的年度报告，已拒绝读取", n, maxPDFObjects)}
	}
	rd := &pdfReader{fonts: map[string]*pdfFont{}}
	var kids []pdfPageRef
	rd.pageTree(r.Trailer().Key("Root").Key("Pages"), pdf.Value{}, [4]float64{0, 0, 595, 842}, 0, &kids)
	if len(kids) == 0 {
		return nil, &pdfError{"PDF 文件中没有页面，无法导入"}
	}
	for i, k := range kids {
		p := pdfPage{no: i + 1, height: k.box[3] - k.box[1]}
		rd.page = &p
		rd.readPage(k)
		pages = append(pages, p)
	}
	return pages, nil
}

// readPage interprets one page. A page the library cannot parse is marked
// damaged and the others are still read; a limit exceeded stops the
// whole file.
func (rd *pdfReader) readPage(k pdfPageRef) {
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(error); ok {
				var pe *pdfError
				if errors.As(e, &pe) {
					panic(x)
				}
			}
			rd.page.damaged = fmt.Sprint(x)
		}
	}()
	rd.runContent(k.v.Key("Contents"), k.res, matrix{1, 0, 0, 1, -k.box[0], -k.box[1]}, 0)
}

type pdfPageRef struct {
	v   pdf.Value
	res pdf.Value
	box [4]float64
}

// pdfReader holds what is shared between pages: the fonts read so far and
// the sizes read so far.
type pdfReader struct {
	fonts   map[string]*pdfFont
	decoded int64
	glyphs  int
	segs    int
	nodes   int // page tree nodes visited
	page    *pdfPage
}

// pageTree collects the pages in order, with their inherited resources
// and media box, refusing deep or oversized trees.
func (rd *pdfReader) pageTree(node, res pdf.Value, box [4]float64, depth int, out *[]pdfPageRef) {
	rd.nodes++
	if depth > maxPDFPageTree || rd.nodes > 4*maxPDFPages+1000 {
		pdfFail("PDF 的页面目录嵌套过深或循环引用（可能是恶意构造的文件），已拒绝读取")
	}
	if r := node.Key("Resources"); !r.IsNull() {
		res = r
	}
	if b, ok := pdfRect(node.Key("MediaBox")); ok {
		box = b
	}
	kids := node.Key("Kids")
	if node.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array && !node.Key("Contents").IsNull() {
		if b, ok := pdfRect(node.Key("CropBox")); ok {
			box = b
		}
		if len(*out) >= maxPDFPages {
			pdfFail("PDF 文件超过 %d 页，不是正常的年度报告，已拒绝读取", maxPDFPages)
		}
		*out = append(*out, pdfPageRef{node, res, box})
		return
	}
	for i := 0; i < kids.Len(); i++ {
		rd.pageTree(kids.Index(i), res, box, depth+1, out)
	}
}

// pdfRect reads a rectangle [llx lly urx ury] (a page's MediaBox or
// CropBox); ok only when it has four numbers and an area.
func pdfRect(v pdf.Value) (r [4]float64, ok bool) {
	if v.Len() != 4 {
		return r, false
	}
	for i := range r {
		r[i] = v.Index(i).Float64()
	}
	return r, r[2] > r[0] && r[3] > r[1]
}

// checkStream decompresses a stream once within the limits, so that a
// compression bomb is refused before it is interpreted.
func (rd *pdfReader) checkStream(v pdf.Value, what string) []byte {
	if v.Kind() != pdf.Stream {
		return nil
	}
	rc := v.Reader()
	data, err := io.ReadAll(io.LimitReader(rc, maxPDFStream+1))
	rc.Close()
	n := int64(len(data))
	if err != nil && n == 0 {
		// Not a limit: the page is damaged (see readPage).
		panic(fmt.Errorf("%s无法解压：%v", what, err))
	}
	if n > maxPDFStream {
		pdfFail("PDF 第 %d 页的%s解压后超过 %d MB，可能是恶意构造的文件（压缩炸弹），已拒绝读取", rd.page.no, what, maxPDFStream>>20)
	}
	rd.decoded += n
	if rd.decoded > maxPDFDecoded {
		pdfFail("PDF 文件解压后的内容超过 %d MB，不是正常的年度报告，已拒绝读取", maxPDFDecoded>>20)
	}
	return data
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

// mul returns m×n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

var identity = matrix{1, 0, 0, 1, 0, 0}

// gstate is the graphics and text state the interpreter keeps.
type gstate struct {
	ctm                  matrix
	tc, tw, th, tl, rise float64
	font                 *pdfFont
	size                 float64
	mode                 int
}

// runContent interprets a content stream (or an array of them) with the
// given resources and base matrix.
func (rd *pdfReader) runContent(strm, res pdf.Value, base matrix, depth int) {
	if depth > maxPDFFormDepth {
		pdfFail("PDF 第 %d 页的内容嵌套过深（可能是恶意构造的文件），已拒绝读取", rd.page.no)
	}
	if !rd.checkContent(strm) {
		return
	}
	r := &contentRun{rd: rd, res: res, fonts: res.Key("Font"), depth: depth, g: gstate{ctm: base, th: 1}}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		r.operator(op, args)
	})
}

// checkContent decompresses a content stream, or each stream of an array
// of them, within the limits (see checkStream). It reports false, and the
// content is not interpreted, when strm is neither or the array holds
// something else (the streams before that are still checked).
func (rd *pdfReader) checkContent(strm pdf.Value) bool {
	switch strm.Kind() {
	case pdf.Stream:
		rd.checkStream(strm, "内容")
	case pdf.Array:
		for i := 0; i < strm.Len(); i++ {
			if strm.Index(i).Kind() != pdf.Stream {
				return false
			}
			rd.checkStream(strm.Index(i), "内容")
		}
	default:
		return false
	}
	return true
}

// contentRun is the state of one content stream's interpretation: the
// graphics state and its saved copies, the text matrices, and the path
// being built. A form XObject is run with a contentRun of its own.
type contentRun struct {
	rd      *pdfReader
	res     pdf.Value // the stream's resources
	fonts   pdf.Value // their Font dictionary
	depth   int       // form XObject nesting
	g       gstate
	stack   []gstate // saved by q
	tm, tlm matrix   // text matrix and text line matrix
	path    []pdfSubpath
	cx, cy  float64 // current point (user space)
	sx, sy  float64 // current subpath's start point (user space)
}

// pdfSubpath is one subpath of the current path: its horizontal and
// vertical segments and its bounds, both in device space.
type pdfSubpath struct {
	segs                   []pdfSeg
	minX, minY, maxX, maxY float64
}

// operator dispatches one content-stream operator, with its operands, to
// the method for its group.
func (r *contentRun) operator(op string, args []pdf.Value) {
	switch op {
	case "q", "Q", "cm":
		r.graphicsState(op, args)
	case "m", "l", "c", "v", "y", "h", "re":
		r.pathConstruction(op, args)
	case "S", "s", "B", "B*", "b", "b*", "f", "F", "f*", "n":
		r.pathPainting(op)
	case "TL", "Tc", "Tw", "Tz", "Ts", "Tr", "Tf":
		r.textState(op, args)
	case "BT", "Tm", "Td", "TD", "T*":
		r.textPositioning(op, args)
	case "Tj", "'", "\"", "TJ":
		r.textShowing(op, args)
	case "Do":
		r.xObject(args)
	case "EI":
		// The end of an inline image (BI … ID … EI).
		r.rd.page.images++
	}
}

// opNum is operand i as a number; 0 if it is missing, not a number, NaN
// or infinite.
func opNum(args []pdf.Value, i int) float64 {
	if i < len(args) {
		v := args[i].Float64()
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0
		}
		return v
	}
	return 0
}

// opMatrix is the first six operands as a matrix (see opNum).
func opMatrix(args []pdf.Value) matrix {
	var m matrix
	for i := range m {
		m[i] = opNum(args, i)
	}
	return m
}

// graphicsState runs q (save, at most 256 deep), Q (restore) and cm
// (concatenate to the current transformation matrix).
func (r *contentRun) graphicsState(op string, args []pdf.Value) {
	switch op {
	case "q":
		if len(r.stack) < 256 {
			r.stack = append(r.stack, r.g)
		}
	case "Q":
		if len(r.stack) > 0 {
			r.g = r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
		}
	case "cm":
		r.g.ctm = opMatrix(args).mul(r.g.ctm)
	}
}

// pathConstruction runs m, l, c, v, y, h and re. Curves only extend the
// subpath's bounds; straight horizontal and vertical pieces are kept as
// segments.
func (r *contentRun) pathConstruction(op string, args []pdf.Value) {
	switch op {
	case "m":
		r.moveTo(opNum(args, 0), opNum(args, 1))
	case "l":
		r.lineTo(opNum(args, 0), opNum(args, 1))
	case "c":
		r.point(opNum(args, 0), opNum(args, 1))
		r.point(opNum(args, 2), opNum(args, 3))
		r.cx, r.cy = opNum(args, 4), opNum(args, 5)
		r.point(r.cx, r.cy)
	case "v", "y":
		r.point(opNum(args, 0), opNum(args, 1))
		r.cx, r.cy = opNum(args, 2), opNum(args, 3)
		r.point(r.cx, r.cy)
	case "h":
		if len(r.path) > 0 {
			r.lineTo(r.sx, r.sy)
		}
	case "re":
		x, y, w, h := opNum(args, 0), opNum(args, 1), opNum(args, 2), opNum(args, 3)
		r.moveTo(x, y)
		r.lineTo(x+w, y)
		r.lineTo(x+w, y+h)
		r.lineTo(x, y+h)
		r.lineTo(x, y)
	}
}

// emptySubpath is a subpath without points: its bounds are empty.
func emptySubpath() pdfSubpath {
	return pdfSubpath{minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
}

// point extends the current subpath's bounds by (x, y) in user space,
// starting a subpath if there is none.
func (r *contentRun) point(x, y float64) {
	if len(r.path) == 0 {
		r.path = append(r.path, emptySubpath())
	}
	sp := &r.path[len(r.path)-1]
	dx, dy := r.g.ctm.apply(x, y)
	sp.minX, sp.minY, sp.maxX, sp.maxY = min(sp.minX, dx), min(sp.minY, dy), max(sp.maxX, dx), max(sp.maxY, dy)
}

// moveTo starts a subpath at (x, y) (past 100000 subpaths the last one
// grows instead).
func (r *contentRun) moveTo(x, y float64) {
	if len(r.path) < 100000 {
		r.path = append(r.path, emptySubpath())
	}
	r.point(x, y)
	r.cx, r.cy, r.sx, r.sy = x, y, x, y
}

// lineTo draws a line from the current point to (x, y), keeping it as a
// segment (at most 10000 a subpath) if it is horizontal or vertical on
// the page.
func (r *contentRun) lineTo(x, y float64) {
	r.point(x, y)
	ax, ay := r.g.ctm.apply(r.cx, r.cy)
	bx, by := r.g.ctm.apply(x, y)
	r.cx, r.cy = x, y
	if math.Abs(ax-bx) > 0.5 && math.Abs(ay-by) > 0.5 {
		return // neither horizontal nor vertical
	}
	sp := &r.path[len(r.path)-1]
	if len(sp.segs) < 10000 {
		sp.segs = append(sp.segs, pdfSeg{min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)})
	}
}

// pathPainting runs the operators that end a path: those that stroke it
// (S s B B* b b*), those that only fill it (f F f*) and n, which drops it.
func (r *contentRun) pathPainting(op string) {
	switch op {
	case "S", "s", "B", "B*", "b", "b*":
		r.paint(true)
	case "f", "F", "f*":
		r.paint(false)
	case "n":
		r.path = r.path[:0]
	}
}

// paint records the path's ruling lines: every straight side of a
// stroked path; of a filled one only a thin bar (a border drawn as a
// filled rectangle), not a shaded cell or a page's background.
func (r *contentRun) paint(stroke bool) {
	for _, sp := range r.path {
		if stroke {
			for _, s := range sp.segs {
				r.rd.emit(s)
			}
			continue
		}
		w, h := sp.maxX-sp.minX, sp.maxY-sp.minY
		switch {
		case h <= 2.5 && w >= 3:
			y := (sp.minY + sp.maxY) / 2
			r.rd.emit(pdfSeg{sp.minX, y, sp.maxX, y})
		case w <= 2.5 && h >= 3:
			x := (sp.minX + sp.maxX) / 2
			r.rd.emit(pdfSeg{x, sp.minY, x, sp.maxY})
		}
	}
	r.path = r.path[:0]
}

// emit adds a ruling segment to the page, within the file's limit.
func (rd *pdfReader) emit(s pdfSeg) {
	if rd.segs >= maxPDFSegments {
		pdfFail("PDF 中的线条过多（超过 %d 条），不是正常的年度报告，已拒绝读取", maxPDFSegments)
	}
	rd.segs++
	rd.page.segs = append(rd.page.segs, s)
}

// textState runs TL (leading), Tc (character spacing), Tw (word
// spacing), Tz (horizontal scaling), Ts (rise), Tr (render mode) and Tf
// (font and size).
func (r *contentRun) textState(op string, args []pdf.Value) {
	switch op {
	case "TL":
		r.g.tl = opNum(args, 0)
	case "Tc":
		r.g.tc = opNum(args, 0)
	case "Tw":
		r.g.tw = opNum(args, 0)
	case "Tz":
		r.g.th = opNum(args, 0) / 100
	case "Ts":
		r.g.rise = opNum(args, 0)
	case "Tr":
		r.g.mode = int(opNum(args, 0))
	case "Tf":
		if len(args) >= 2 {
			r.g.font = r.rd.font(r.fonts, args[0].Name())
			r.g.size = opNum(args, 1)
		}
	}
}

// textPositioning runs BT (which resets the text matrices), Tm, Td, TD
// and T*.
func (r *contentRun) textPositioning(op string, args []pdf.Value) {
	switch op {
	case "BT":
		r.tm, r.tlm = identity, identity
	case "Tm":
		r.tm = opMatrix(args)
		r.tlm = r.tm
	case "Td":
		r.moveLine(opNum(args, 0), opNum(args, 1))
	case "TD":
		r.g.tl = -opNum(args, 1)
		r.moveLine(opNum(args, 0), opNum(args, 1))
	case "T*":
		r.moveLine(0, -r.g.tl)
	}
}

// moveLine starts a text line offset by (tx, ty) from the current one.
func (r *contentRun) moveLine(tx, ty float64) {
	r.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(r.tlm)
	r.tm = r.tlm
}

// textShowing runs Tj, ' and " (which first move to the next line, "
// also setting word and character spacing) and TJ (strings with
// adjustments between them).
func (r *contentRun) textShowing(op string, args []pdf.Value) {
	switch op {
	case "Tj":
		if len(args) >= 1 {
			r.show(args[0].RawString())
		}
	case "'", "\"":
		if op == "\"" && len(args) >= 3 {
			r.g.tw, r.g.tc = opNum(args, 0), opNum(args, 1)
			args = args[2:]
		}
		r.moveLine(0, -r.g.tl)
		if len(args) >= 1 {
			r.show(args[0].RawString())
		}
	case "TJ":
		if len(args) >= 1 {
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					r.show(x.RawString())
					continue
				}
				tx := -x.Float64() / 1000 * r.g.size * r.g.th
				r.tm = matrix{1, 0, 0, 1, tx, 0}.mul(r.tm)
			}
		}
	}
}

// show draws a string in the current font: one glyph per code, at its
// position on the page, advancing the text matrix.
func (r *contentRun) show(s string) {
	g, rd := &r.g, r.rd
	f := g.font
	if f == nil {
		f = rd.defaultFont()
	}
	trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.rise}.mul(r.tm).mul(g.ctm)
	size := math.Hypot(trm[2], trm[3])
	for len(s) > 0 {
		code, n := f.next(s)
		s = s[n:]
		text, ok := f.text(code, n)
		w0 := f.width(code)
		tx := (w0/1000*g.size + g.tc) * g.th
		if n == 1 && code == 32 {
			tx += g.tw * g.th
		}
		x, y := trm[4], trm[5]
		ex, _ := (matrix{1, 0, 0, 1, tx, 0}).mul(r.tm).mul(g.ctm).apply(0, 0)
		if rd.glyphs >= maxPDFGlyphs {
			pdfFail("PDF 中的文字过多（超过 %d 个字符），不是正常的年度报告，已拒绝读取", maxPDFGlyphs)
		}
		rd.glyphs++
		rd.page.glyphs = append(rd.page.glyphs, pdfGlyph{text: text, x: x, y: y, w: math.Abs(ex - x), size: size,
			unmapped: !ok, invisible: g.mode == 3 || g.mode == 7})
		r.tm = matrix{1, 0, 0, 1, tx, 0}.mul(r.tm)
		trm = matrix{g.size * g.th, 0, 0, g.size, 0, g.rise}.mul(r.tm).mul(g.ctm)
	}
}

// xObject runs Do: an image is counted; a form is interpreted with its
// own resources (or the caller's) and matrix.
func (r *contentRun) xObject(args []pdf.Value) {
	if len(args) < 1 {
		return
	}
	x := r.res.Key("XObject").Key(args[0].Name())
	switch x.Key("Subtype").Name() {
	case "Image":
		r.rd.page.images++
	case "Form":
		fres := x.Key("Resources")
		if fres.IsNull() {
			fres = r.res
		}
		m := identity
		if mm := x.Key("Matrix"); mm.Len() == 6 {
			for i := range m {
				m[i] = mm.Index(i).Float64()
			}
		}
		r.rd.runContent(x, fres, m.mul(r.g.ctm), r.depth+1)
	}
}

// pdfFont is what the interpreter needs of a font: how its codes split,
// their widths and their Unicode text.
type pdfFont struct {
	cid      bool              // a Type0 (composite) font
	spaces   []codeRange       // code lengths (from the CMap); empty: 1 byte, or 2 for Type0
	toUni    map[uint64]string // code (with its length) → text, from ToUnicode
	enc      pdf.TextEncoding  // a simple font's encoding
	ucs2     bool              // the code is UTF-16 (UniGB-UCS2-H, UniGB-UTF16-H)
	gbk      bool              // the code is GBK (GBK-EUC-H and friends)
	widths   map[int]float64   // glyph widths in 1/1000 em by code (simple) or CID (Type0)
	dw       float64           // default width
	identity bool              // CID = code (Identity-H/V)
}

type codeRange struct {
	lo, hi []byte
}

func codeKey(code uint32, n int) uint64 { return uint64(n)<<32 | uint64(code) }

// next returns the first code of s and its length in bytes.
func (f *pdfFont) next(s string) (uint32, int) {
	if len(f.spaces) > 0 {
		for n := 1; n <= 4 && n <= len(s); n++ {
			for _, sp := range f.spaces {
				if len(sp.lo) != n {
					continue
				}
				in := true
				for i := 0; i < n; i++ {
					if s[i] < sp.lo[i] || s[i] > sp.hi[i] {
						in = false
						break
					}
				}
				if in {
					return codeOf(s[:n]), n
				}
			}
		}
	}
	n := 1
	switch {
	case f.gbk && s[0] >= 0x81 && len(s) >= 2:
		n = 2
	case f.cid && !f.gbk && len(s) >= 2:
		n = 2
	}
	return codeOf(s[:n]), n
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// text returns the Unicode text of a code, and whether it had one.
func (f *pdfFont) text(code uint32, n int) (string, bool) {
	if t, ok := f.toUni[codeKey(code, n)]; ok {
		if l, ok := ligatures[t]; ok {
			t = l
		}
		return radicals(t), t != ""
	}
	switch {
	case f.ucs2:
		return string(rune(code)), code >= 0x20
	case f.gbk:
		var b []byte
		if n == 2 {
			b = []byte{byte(code >> 8), byte(code)}
		} else {
			b = []byte{byte(code)}
		}
		out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
		if err != nil || !utf8.Valid(out) {
			return "□", false
		}
		return string(out), true
	case f.cid:
		return "□", false
	case f.enc != nil:
		t := f.enc.Decode(string([]byte{byte(code)}))
		if t == "" || t == "\ufffd" {
			return "□", false
		}
		return t, true
	}
	if code >= 0x20 && code < 0x7f {
		return string(rune(code)), true
	}
	return "□", false
}

// ligatures are the Latin ligatures fonts map single glyphs to (the “ﬁ”
// of “ﬁle:///” in a browser's footer), spelt out.
var ligatures = map[string]string{"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}

// radicals replaces the Kangxi radicals and CJK compatibility ideographs
// that some fonts' ToUnicode maps give for common characters (“⽇” U+2F47
// for 日, “⾏” for 行) by the characters themselves (their NFKC form); other
// text, full-width punctuation included, is left as it is.
func radicals(t string) string {
	if !strings.ContainsFunc(t, isRadical) {
		return t
	}
	var b strings.Builder
	for _, r := range t {
		if isRadical(r) {
			b.WriteString(norm.NFKC.String(string(r)))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isRadical reports whether r is a CJK or Kangxi radical or a CJK
// compatibility ideograph (U+2E80–2FDF, U+F900–FAFF, U+2F800–2FA1F).
func isRadical(r rune) bool {
	return r >= 0x2E80 && r <= 0x2FDF || r >= 0xF900 && r <= 0xFAFF || r >= 0x2F800 && r <= 0x2FA1F
}

// width is the advance of a code in 1/1000 em.
func (f *pdfFont) width(code uint32) float64 {
	if f.cid && !f.identity {
		// Another CMap: CIDs are not known; wide characters are one em.
		if (f.ucs2 || f.gbk) && code < 0x80 {
			return 500
		}
		return 1000
	}
	if w, ok := f.widths[int(code)]; ok {
		return w
	}
	return f.dw
}

// defaultFont is used for text shown before any Tf.
func (rd *pdfReader) defaultFont() *pdfFont {
	return &pdfFont{dw: 500}
}

// font reads a font resource, once per font object.
func (rd *pdfReader) font(fonts pdf.Value, name string) *pdfFont {
	v := fonts.Key(name)
	if v.Kind() != pdf.Dict {
		return rd.defaultFont()
	}
	key := v.String()
	if f, ok := rd.fonts[key]; ok {
		return f
	}
	if len(rd.fonts) >= maxPDFFontsOnPage*8 {
		pdfFail("PDF 中的字体过多，不是正常的年度报告，已拒绝读取")
	}
	f := &pdfFont{widths: map[int]float64{}}
	if v.Key("Subtype").Name() == "Type0" {
		rd.compositeFont(f, v)
	} else {
		f.simpleFont(v)
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		m := readCMap(rd.checkStream(tu, "字体对照表"))
		f.toUni = m.uni
		if len(f.spaces) == 0 && !f.gbk {
			f.spaces = m.spaces
		}
	}
	rd.fonts[key] = f
	return f
}

// compositeFont reads what a Type0 font dictionary v says of its codes
// (its encoding) and of its descendant font's widths.
func (rd *pdfReader) compositeFont(f *pdfFont, v pdf.Value) {
	f.cid = true
	f.dw = 1000
	rd.cidEncoding(f, v.Key("Encoding"))
	d := v.Key("DescendantFonts").Index(0)
	if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	f.cidWidths(d.Key("W"))
}

// cidEncoding reads a Type0 font's encoding: a predefined CMap by name
// (Identity, the Unicode ones, the GBK ones), or an embedded one.
func (rd *pdfReader) cidEncoding(f *pdfFont, enc pdf.Value) {
	switch enc.Kind() {
	case pdf.Name:
		switch e := enc.Name(); {
		case e == "Identity-H" || e == "Identity-V":
			f.identity = true
		case strings.HasPrefix(e, "UniGB-UCS2") || strings.HasPrefix(e, "UniGB-UTF16") || strings.HasPrefix(e, "UniCNS-UCS2") || strings.HasPrefix(e, "UniCNS-UTF16"):
			f.ucs2 = true
		case strings.HasPrefix(e, "GBK") || strings.HasPrefix(e, "GB-EUC") || strings.HasPrefix(e, "GBpc-EUC") || strings.HasPrefix(e, "GBT-EUC"):
			f.gbk = true
		}
	case pdf.Stream:
		// An embedded CMap: its code space gives the code lengths;
		// CIDs are taken as the codes.
		m := readCMap(rd.checkStream(enc, "字体编码"))
		f.spaces = m.spaces
		f.identity = true
	}
}

// cidWidths reads a CID font's W array: "first [w1 w2 …]" gives widths
// from CID first on, "first last w" one width for a range (at most 70000
// CIDs in all).
func (f *pdfFont) cidWidths(w pdf.Value) {
	for i := 0; i < w.Len() && len(f.widths) < 70000; {
		first := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && j < 70000; j++ {
				f.widths[first+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := int(next.Int64())
		wd := w.Index(i + 2).Float64()
		for c := first; c <= last && c-first < 70000; c++ {
			f.widths[c] = wd
		}
		i += 3
	}
}

// simpleFont reads a simple (one-byte) font dictionary v: its Widths from
// FirstChar, its missing width and its encoding.
func (f *pdfFont) simpleFont(v pdf.Value) {
	fc := int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.widths[fc+i] = ws.Index(i).Float64()
	}
	f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if f.dw == 0 && ws.Len() == 0 {
		f.dw = 500
	}
	pf := pdf.Font{V: v}
	f.enc = (&pf).Encoder()
}

type cmapData struct {
	spaces []codeRange
	uni    map[uint64]string
}

// readCMap reads a CMap's code space ranges and, for a ToUnicode CMap,
// its bfchar and bfrange mappings. CMaps are a small PostScript subset;
// only the hex strings, numbers and brackets between the begin…/end…
// operators matter.
func readCMap(data []byte) cmapData {
	m := cmapData{uni: map[uint64]string{}}
	var args []string // hex strings as bytes; "[" and "]" as themselves
	section := ""
	for _, tok := range cmapTokens(data) {
		switch {
		case tok == "begincodespacerange" || tok == "beginbfchar" || tok == "beginbfrange" || tok == "begincidrange" || tok == "begincidchar":
			section, args = tok, args[:0]
			continue
		case strings.HasPrefix(tok, "end") && section != "" && tok == "end"+section[len("begin"):]:
			m.section(section, args)
			section, args = "", args[:0]
			continue
		}
		if section != "" && len(args) < 1<<20 {
			args = append(args, tok)
		}
	}
	return m
}

func (m *cmapData) section(kind string, args []string) {
	hex := func(t string) (string, bool) { return strings.CutPrefix(t, "\x00") }
	switch kind {
	case "begincodespacerange":
		for i := 0; i+1 < len(args); i += 2 {
			lo, ok1 := hex(args[i])
			hi, ok2 := hex(args[i+1])
			if ok1 && ok2 && len(lo) > 0 && len(lo) == len(hi) && len(lo) <= 4 {
				m.spaces = append(m.spaces, codeRange{[]byte(lo), []byte(hi)})
			}
		}
	case "beginbfchar":
		for i := 0; i+1 < len(args); i += 2 {
			src, ok1 := hex(args[i])
			dst, ok2 := hex(args[i+1])
			if ok1 && ok2 && len(src) > 0 && len(src) <= 4 && len(m.uni) < 200000 {
				m.uni[codeKey(codeOf(src), len(src))] = utf16BE(dst)
			}
		}
	case "beginbfrange":
		for i := 0; i+2 < len(args); i += 3 {
			lo, ok1 := hex(args[i])
			hi, ok2 := hex(args[i+1])
			if !ok1 || !ok2 || len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
				continue
			}
			a, b := codeOf(lo), codeOf(hi)
			if b < a || b-a > 65535 || len(m.uni) > 200000 {
				continue
			}
			if args[i+2] == "[" {
				j := i + 3
				for c := a; j < len(args) && args[j] != "]"; j, c = j+1, c+1 {
					if d, ok := hex(args[j]); ok && c <= b {
						m.uni[codeKey(c, len(lo))] = utf16BE(d)
					}
				}
				i = j - 2 // the loop adds 3: continue after "]"
				continue
			}
			dst, ok := hex(args[i+2])
			if !ok || dst == "" {
				continue
			}
			for c := a; c <= b; c++ {
				// Add the offset to the last bytes, with carry.
				d := []byte(dst)
				off := c - a
				for k := len(d) - 1; k >= 0 && off > 0; k-- {
					s := uint32(d[k]) + off
					d[k] = byte(s)
					off = s >> 8
				}
				m.uni[codeKey(c, len(lo))] = utf16BE(string(d))
			}
		}
	}
}

// utf16BE decodes big-endian UTF-16 (a ToUnicode destination).
func utf16BE(s string) string {
	if len(s)%2 != 0 {
		return s
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return string(utf16.Decode(u))
}

// cmapTokens splits a CMap into tokens: hex strings decoded and marked by
// a leading "\x00", "[" and "]", and every other word as it is; literal
// strings, comments and dictionaries' brackets are skipped.
func cmapTokens(data []byte) []string {
	var toks []string
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<', c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
		case c == '<':
			j := i + 1
			var b []byte
			hi, half := byte(0), false
			for j < len(data) && data[j] != '>' {
				if v, ok := hexVal(data[j]); ok {
					if half {
						b = append(b, hi<<4|v)
					} else {
						hi = v
					}
					half = !half
				}
				j++
			}
			if half {
				b = append(b, hi<<4)
			}
			toks = append(toks, "\x00"+string(b))
			i = j + 1
		case c == '(':
			depth := 0
			for ; i < len(data); i++ {
				if data[i] == '\\' {
					i++
					continue
				}
				if data[i] == '(' {
					depth++
				} else if data[i] == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			i++
		case c == '[' || c == ']':
			toks = append(toks, string(c))
			i++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0 || c == '>' || c == ')' || c == '{' || c == '}':
			i++
		default:
			j := i
			for j < len(data) && !strings.ContainsRune(" \t\n\r\f\x00<>[](){}/%", rune(data[j])) {
				j++
			}
			if j == i {
				j++ // a lone "/"
			}
			toks = append(toks, string(data[i:j]))
			i = j
		}
	}
	return toks
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
