package docs

import (
	"bytes"
	"net/url"
	"regexp"
	"testing"
)

func TestGuideHTML(t *testing.T) {
	page, err := GuideHTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<h1", "使用说明", `id="检查报告"`, "<table>", "T3_BALANCE", `src="data:image/png;base64,`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the guide's page lacks %q", want)
		}
	}
	// Every picture is inlined: none is left pointing at a file.
	if m := regexp.MustCompile(`<img src="[^d][^"]*"`).Find(page); m != nil {
		t.Errorf("a picture is not inlined: %s", m)
	}
}

// Every in-page link of the guide's table of contents names a heading.
func TestGuideLinks(t *testing.T) {
	page, err := GuideHTML()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`id="([^"]+)"`).FindAllSubmatch(page, -1) {
		ids[string(m[1])] = true
	}
	links := regexp.MustCompile(`href="#([^"]+)"`).FindAllSubmatch(page, -1)
	if len(links) < 5 {
		t.Errorf("the table of contents has %d links, want at least 5", len(links))
	}
	for _, m := range links {
		id, err := url.PathUnescape(string(m[1]))
		if err != nil || !ids[id] {
			t.Errorf("link #%s names no heading", id)
		}
	}
}
