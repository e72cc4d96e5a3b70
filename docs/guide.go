// Package docs holds the clerk's guide (使用说明, guide.md) and the pictures
// it shows, embedded in the program so that 帮助 → 使用说明 works offline,
// and renders it as one self-contained web page (pictures inlined), which is
// also what the installer and the tarball ship as 使用说明.html.
//
// The other files of this folder are documentation for developers and are
// not embedded.
package docs

import (
	"bytes"
	"embed"
	"encoding/base64"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
)

// Guide is the clerk's guide in Markdown.
//
//go:embed guide.md
var Guide []byte

//go:embed *.png screens/*.png screens/1366x768/*.png
var pictures embed.FS

// GuideName is the file name of the guide as a web page.
const GuideName = "使用说明.html"

// headingIDs gives headings the anchors GitHub gives them, Chinese kept
// ("打印与导出 PDF（公文格式）" → "打印与导出-pdf公文格式"), so the guide's links
// work alike on the web page and where the Markdown is read.
type headingIDs struct{ seen map[string]bool }

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.ToLower(string(value)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	id := b.String()
	for n := 1; h.seen[id]; n++ {
		id = fmt.Sprintf("%s-%d", b.String(), n)
	}
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }

var imgSrc = regexp.MustCompile(`<img src="([^"]+)"`)

// GuideHTML renders the guide as a standalone web page: headings with
// anchors for the table of contents, tables, and every picture inlined as a
// data URI, so the one file can be copied and opened anywhere. A picture the
// guide names that is not embedded is an error (a broken guide is a bug).
func GuideHTML() ([]byte, error) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.CJK),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
	var body bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	if err := md.Convert(Guide, &body, parser.WithContext(ctx)); err != nil {
		return nil, fmt.Errorf("使用说明无法生成网页：%w", err)
	}
	var missing error
	inlined := imgSrc.ReplaceAllFunc(body.Bytes(), func(m []byte) []byte {
		src := string(imgSrc.FindSubmatch(m)[1])
		data, err := fs.ReadFile(pictures, path.Clean(src))
		if err != nil {
			missing = fmt.Errorf("使用说明中的图片 %s 没有随程序提供：%w", src, err)
			return m
		}
		return []byte(`<img src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(data) + `"`)
	})
	if missing != nil {
		return nil, missing
	}
	var out bytes.Buffer
	out.WriteString(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开年报 使用说明</title>
<style>
body { font-family: "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.7; color: #222; }
h1, h2, h3 { line-height: 1.3; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 1em 0; } th, td { border: 1px solid #bbb; padding: .3em .6em; vertical-align: top; }
th { background: #f3f3f3; } code, pre { font-family: Consolas, "DejaVu Sans Mono", monospace; background: #f6f6f6; }
pre { padding: .6em; overflow-x: auto; } img { max-width: 100%; border: 1px solid #ddd; margin: .5em 0; }
</style></head><body>
`)
	out.Write(inlined)
	out.WriteString("</body></html>\n")
	return out.Bytes(), nil
}
