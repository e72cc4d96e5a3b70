package app

import (
	"bytes"
	"os"
	"testing"
)

// 帮助 → 使用说明 writes the embedded guide as one web page to the user's
// cache folder, where the default browser opens it.
func TestGuideIsWrittenForTheBrowser(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	path, err := writeGuide()
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("使用说明")) || !bytes.Contains(page, []byte("data:image/png;base64,")) {
		t.Errorf("%s is not the guide with its pictures (%d bytes)", path, len(page))
	}
	found := false
	for _, m := range newTestShellMenus(t) {
		if m == "帮助/使用说明" {
			found = true
		}
	}
	if !found {
		t.Error("the 帮助 menu has no 使用说明")
	}
}

// newTestShellMenus lists the main menu's items as "menu/item".
func newTestShellMenus(t *testing.T) []string {
	s, _ := newTestShell(t)
	var out []string
	for _, m := range s.menu().Items {
		for _, it := range m.Items {
			out = append(out, m.Label+"/"+it.Label)
		}
	}
	return out
}
