package importer

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// A page saved as “网页，单个文件” (.mht, .mhtml; Edge, Chrome and the old
// Internet Explorer) is a MIME message: the page's HTML is its first
// text/html part, quoted-printable or base64, in the charset the part
// names; pictures and style sheets follow as other parts.

// maxMHTMLParts bounds the parts read before the page is found.
const maxMHTMLParts = 10000

// looksMHTML reports whether data is a MIME message holding a web page.
func looksMHTML(data []byte) bool {
	head := data[:min(len(data), 4096)]
	return (bytes.HasPrefix(head, []byte("From:")) || bytes.HasPrefix(head, []byte("MIME-Version:")) || bytes.HasPrefix(head, []byte("Content-Type:")) ||
		bytes.Contains(head, []byte("\nMIME-Version:"))) && bytes.Contains(bytes.ToLower(head), []byte("multipart/related"))
}

// mhtmlPage returns the HTML of the page in an MHTML file, as UTF-8 when
// its part names another charset (the HTML's own <meta> may still say so:
// htmlDocument is told the charset through a prefixed <meta>).
func mhtmlPage(data []byte) ([]byte, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("网页文件（.mht）无法读取：%w", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, fmt.Errorf("网页文件（.mht）的格式不对：没有分段标记")
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for i := 0; i < maxMHTMLParts; i++ {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("网页文件（.mht）第%d段无法读取：%w", i+1, err)
		}
		pt, pp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if pt != "text/html" {
			continue
		}
		var body io.Reader = io.LimitReader(p, MaxInputSize)
		switch strings.ToLower(strings.TrimSpace(p.Header.Get("Content-Transfer-Encoding"))) {
		case "quoted-printable":
			body = quotedprintable.NewReader(body)
		case "base64":
			body = base64.NewDecoder(base64.StdEncoding, newlineStripper{body})
		}
		page, err := io.ReadAll(body)
		if err != nil {
			return nil, fmt.Errorf("网页文件（.mht）中的网页无法解码：%w", err)
		}
		if cs := pp["charset"]; cs != "" && !bytes.Contains(bytes.ToLower(page[:min(len(page), 1024)]), []byte("charset")) {
			// The part's charset, where the page does not say it itself.
			page = append([]byte(`<meta charset="`+cs+`">`), page...)
		}
		return page, nil
	}
	return nil, fmt.Errorf("网页文件（.mht）中没有网页内容")
}

// newlineStripper drops line breaks from base64 text.
type newlineStripper struct{ r io.Reader }

func (n newlineStripper) Read(p []byte) (int, error) {
	k, err := n.r.Read(p)
	j := 0
	for _, b := range p[:k] {
		if b != '\r' && b != '\n' {
			p[j] = b
			j++
		}
	}
	return j, err
}
