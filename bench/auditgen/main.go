// Command auditgen supports bench/audit.sh. With -gen it writes N units'
// reports of 2023 generated from a real township's report (the built-in
// sample, and the same report as published, imported from its text) with
// their names, levels, numbers, dates and wording varied, in mixed formats (.nianbao, .txt, .html, .pdf, .docx),
// the same units as .nianbao files for `nianbao sum`, last year's reports,
// a roster with one unit that sent nothing, and a few planted defects:
// pairs of units with the same text, units that copied last year's text,
// late ones, broken files. With -compare it measures FindSimilar against
// all pairs on the .nianbao units of a folder and prints the ratio.
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"time"

	"nianbao/bench/unitgen"
	"nianbao/reports"
	"nianbao/reports/audit"
	"nianbao/reports/docx"
	"nianbao/reports/html"
	"nianbao/reports/importer"
	"nianbao/reports/pdf"
	"nianbao/reports/plaintext"
)

func main() {
	gen := flag.String("gen", "", "folder to write the generated units into (units/, nianbao/, prev/, roster.txt)")
	n := flag.Int("n", 1000, "number of units")
	compare := flag.String("compare", "", "folder of .nianbao units to compare FindSimilar with all pairs on")
	indexOnly := flag.Bool("index-only", false, "with -compare: time the index alone (all pairs would take minutes)")
	flag.Parse()
	var err error
	switch {
	case *gen != "":
		err = generate(*gen, *n)
	case *compare != "":
		err = comparePairs(*compare, *n, *indexOnly)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// writer writes a report in one format.
type writer struct {
	ext   string
	write func(path string, r *reports.Report) error
}

// writers are the formats the units come in, in turn.
var writers = []writer{
	{reports.FileExtension, reports.Save},
	{".txt", func(p string, r *reports.Report) error {
		return reports.WriteFileAtomic(p, []byte(plaintext.String(r)), false)
	}},
	{".html", html.WriteFile},
	{".pdf", func(p string, r *reports.Report) error {
		_, err := pdf.RenderFile(p, r, pdf.Options{Date: time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)})
		return err
	}},
	{".docx", func(p string, r *reports.Report) error {
		return docx.WriteFile(p, r, docx.Options{Date: time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)})
	}},
}

// bases are the real reports the units are generated from.
func bases() ([]*reports.Report, error) {
	out := []*reports.Report{reports.Sample()}
	for _, p := range []string{"reports/importer/testdata/seed.txt"} {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("base report (run from the repository root): %w", err)
		}
		res, err := importer.Import(filepath.Base(p), data)
		if err != nil {
			return nil, err
		}
		r := res.Report
		r.Year = 2023
		r.LastYear = nil
		out = append(out, r)
	}
	return out, nil
}

func generate(dir string, n int) error {
	bs, err := bases()
	if err != nil {
		return err
	}
	for _, d := range []string{"units", "nianbao", "prev"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	var roster []string
	for i := range n {
		b := bs[i%len(bs)]
		r := variant(b, i, i)
		if i%50 == 49 {
			// planted: the narrative of the unit before, word for word
			copyNarrative(r, variant(bs[(i-1)%len(bs)], i-1, i-1))
		}
		if i%37 == 5 {
			r.Signing.Date = reports.Date{Year: 2024, Month: 2, Day: 6} // late
		}
		last := variant(b, i, i+100000)
		last.Year, last.Signing.Date = 2022, reports.Date{Year: 2023, Month: 1, Day: 20}
		if i%15 == 7 {
			copyNarrative(last, r) // this year's text copied from last year's
		}
		roster = append(roster, r.Organ.FullName)
		w := writers[i%len(writers)]
		name := fmt.Sprintf("unit%04d", i+1)
		path := filepath.Join(dir, "units", name+w.ext)
		if i%250 == 123 {
			// a broken file: the first half of a report file
			data, _ := reports.Marshal(r)
			path = filepath.Join(dir, "units", name+reports.FileExtension)
			if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
				return err
			}
		} else if err := w.write(path, r); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := reports.Save(filepath.Join(dir, "nianbao", name+reports.FileExtension), r); err != nil {
			return err
		}
		if err := reports.Save(filepath.Join(dir, "prev", name+reports.FileExtension), last); err != nil {
			return err
		}
	}
	roster = append(roster, "测试县未报送乡人民政府")
	return os.WriteFile(filepath.Join(dir, "roster.txt"), []byte(strings.Join(roster, "\n")+"\n"), 0o644)
}

// variant is unit i's report from base b: its own name and numbers, and
// its wording varied by seed so that different seeds share only the first
// sentence of each part, as units share stock sentences.
func variant(b *reports.Report, i, seed int) *reports.Report {
	r := b.Clone()
	r.LastYear = nil
	if i%3 == 2 {
		r.Organ = reports.Organ{FullName: fmt.Sprintf("测试县第%d局", i+1), ShortName: fmt.Sprintf("县第%d局", i+1), Level: reports.LevelCountyDept}
	} else {
		r.Organ = reports.Organ{FullName: fmt.Sprintf("测试县第%d乡人民政府", i+1), ShortName: fmt.Sprintf("第%d乡", i+1), Level: reports.LevelTownship}
	}
	r.Signing.Organ = r.Organ.FullName
	r.Signing.Date = reports.Date{Year: 2024, Month: 1, Day: 10 + i%20}
	r.Preamble = reports.DefaultPreamble(r)
	// the real township's own name becomes the unit's, as a clerk would edit it
	own := strings.NewReplacer(b.Organ.FullName, r.Organ.FullName, b.Organ.ShortName, r.Organ.ShortName)
	r.Contact.Office, r.Contact.Address = own.Replace(r.Contact.Office), own.Replace(r.Contact.Address)
	vary := func(s string, part int) string { return reword(own.Replace(s), seed*131+part) }
	for k := range r.Overview.Parts {
		r.Overview.Parts[k].Text = vary(r.Overview.Parts[k].Text, k)
	}
	for k := range r.Improvement.Problems {
		r.Improvement.Problems[k].Text = vary(r.Improvement.Problems[k].Text, 20+k)
	}
	for k := range r.Improvement.Measures {
		r.Improvement.Measures[k].Text = vary(r.Improvement.Measures[k].Text, 40+k)
	}
	r.Other.Text = vary(r.Other.Text, 60)
	unitgen.Numbers(r, i)
	return r
}

// pool are the characters words are varied with.
const pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"

// reword replaces every fifth character of s (so every 8-character run
// changes) by one chosen by seed and position, after its opening words,
// which stay as the stock phrase units share.
func reword(s string, seed int) string {
	rs := []rune(s)
	ps := []rune(pool)
	start := min(12, len(rs)/5)
	since := 0
	for p := start; p < len(rs); p++ {
		since++
		if since < 5 || rs[p] < 0x4e00 || rs[p] > 0x9fff {
			continue
		}
		since = 0
		h := fnv.New32a()
		fmt.Fprintf(h, "%d/%d", seed, p)
		rs[p] = ps[h.Sum32()%uint32(len(ps))]
	}
	return string(rs)
}

// copyNarrative gives r the narrative of from (titles and texts).
func copyNarrative(r, from *reports.Report) {
	r.Overview.Parts = append([]reports.Part(nil), from.Overview.Parts...)
	r.Improvement.Problems = append([]reports.Part(nil), from.Improvement.Problems...)
	r.Improvement.Measures = append([]reports.Part(nil), from.Improvement.Measures...)
	r.Other.Text = from.Other.Text
	r.Other.Items = append([]reports.Part(nil), from.Other.Items...)
}

// comparePairs loads up to n .nianbao units of dir and times FindSimilar
// against all pairs measured exactly, checking both find the same copies.
func comparePairs(dir string, n int, indexOnly bool) error {
	files, err := audit.Files([]string{dir})
	if err != nil {
		return err
	}
	var texts []*reports.SimilarText
	for _, f := range files {
		if len(texts) == n {
			break
		}
		if r, err := reports.Load(f); err == nil {
			texts = append(texts, reports.NarrativeText(r))
		}
	}
	start := time.Now()
	idx := audit.Copied(audit.FindSimilar(texts, 0))
	ti := time.Since(start)
	if indexOnly {
		fmt.Printf("  %d units: index %.3f s, %d copied pairs\n", len(texts), ti.Seconds(), len(idx))
		return nil
	}
	start = time.Now()
	all := audit.Copied(audit.AllPairs(texts, 0))
	ta := time.Since(start)
	same := len(idx) == len(all)
	for k := range idx {
		if !same || idx[k].A != all[k].A || idx[k].B != all[k].B {
			same = false
			break
		}
	}
	verdict := "the same copied pairs"
	if !same {
		verdict = fmt.Sprintf("DIFFERENT copied pairs (index %d, all pairs %d)", len(idx), len(all))
	}
	fmt.Printf("  %d units: index %.3f s, all pairs %.3f s = %.1f× faster; %d copied pairs, %s\n",
		len(texts), ti.Seconds(), ta.Seconds(), ta.Seconds()/max(ti.Seconds(), 1e-9), len(all), verdict)
	if !same {
		return fmt.Errorf("the index missed or added copied pairs")
	}
	return nil
}
