package pdf

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/reports"
)

// isHeading reports whether a line is a heading of any level.
func isHeading(l *Line) bool {
	return l.Kind == KindHeading1 || l.Kind == KindHeading2 || l.Kind == KindHeading3
}

// keepViolations lists where a laid-out document breaks the keep rules: a
// heading ending a page, a heading with fewer than two lines of what
// follows on its page (when what follows has two), the 落款 at the top of
// a page without the last paragraph, or that paragraph without its heading.
func keepViolations(doc *Document) []string {
	type placed struct {
		l    *Line
		page int
	}
	var flow []placed
	tables := map[int]bool{} // pages with table rules
	for _, p := range doc.Pages {
		if len(p.Rules) > 0 {
			tables[p.Number] = true
		}
		for _, l := range flowLines(p) {
			flow = append(flow, placed{l, p.Number})
		}
	}
	var out []string
	for i, f := range flow {
		if !isHeading(f.l) || f.l.Kind == KindTitle {
			continue
		}
		// The lines after the heading, up to the next heading.
		same, after := 0, 0
		for _, g := range flow[i+1:] {
			if isHeading(g.l) {
				break
			}
			after++
			if g.page == f.page {
				same++
			}
		}
		next := f.page
		if i+1 < len(flow) {
			next = flow[i+1].page
		}
		// A heading followed by a table keeps the table's start: rules on
		// the heading's page.
		if after == 0 && i+1 < len(flow) && next != f.page && !tables[f.page] {
			out = append(out, fmt.Sprintf("heading %q ends page %d", f.l.Text(), f.page))
		}
		if after > 0 && same < min(2, after) && !(i+1 < len(flow) && isHeading(flow[i+1].l) && flow[i+1].page == f.page) {
			out = append(out, fmt.Sprintf("heading %q on page %d keeps %d of %d lines after it", f.l.Text(), f.page, same, after))
		}
	}
	for i, f := range flow {
		if f.l.Kind != KindSigning {
			continue
		}
		if i == 0 || flow[i-1].page != f.page {
			out = append(out, fmt.Sprintf("the 落款 stands alone at the top of page %d", f.page))
		}
		// The heading of the last paragraph goes with it.
		j := i - 1
		for j > 0 && flow[j].l.Kind == KindBody && flow[j-1].l.Kind == KindBody && flow[j-1].page == flow[j].page {
			j--
		}
		if j > 0 && isHeading(flow[j-1].l) && flow[j-1].page != f.page && flow[j].page == f.page {
			out = append(out, fmt.Sprintf("heading %q is on page %d, its paragraph and the 落款 on page %d", flow[j-1].l.Text(), flow[j-1].page, f.page))
		}
		break
	}
	return out
}

// A report edited as a clerk would: 五 grows a paragraph at a time, which
// walks 六 and the 落款 over every position at the foot of a page (164
// layouts). No
// heading may end a page or keep fewer than two lines of its text, and the
// 落款 never stands alone.
func TestHeadingsAndTheSigningAreKeptWithTheirText(t *testing.T) {
	base := reports.Sample()
	checked := 0
	// 六's item: a two-line paragraph, or a one-line paragraph and another
	// (the heading keeps both first lines, across the two paragraphs).
	items := []string{
		"本年度无其他需要报告的事项，特此说明。本年度无其他需要报告的事项。",
		"特此说明。\n本年度无其他需要报告的事项，特此说明。本年度无其他需要报告的事项。",
	}
	for n := 0; n <= 40; n++ {
		for k, short := range []bool{false, true, false, true} {
			r := base.Clone()
			var extra []string
			for k := range n {
				if short && k%2 == 1 {
					extra = append(extra, "加强督查。")
				} else {
					extra = append(extra, "坚持问题导向，把政务公开工作纳入年度目标考核，定期通报各村各部门信息发布情况，督促整改到位。")
				}
			}
			last := &r.Improvement.Measures[len(r.Improvement.Measures)-1]
			last.Text = strings.Join(append([]string{last.Text}, extra...), "\n")
			// 六 with a title and a two-line text, as the issue describes.
			r.Other.Items = []reports.Part{{Title: "其他事项", Text: items[k/2]}}
			doc := mustLayout(t, r, Options{})
			for _, v := range keepViolations(doc) {
				t.Errorf("%d paragraphs added (short %v, item %d): %s", n, short, k/2, v)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}

// The case the issue names: 六、其他需要报告的事项 would fall at the foot of
// a page while its text (the last paragraph) goes on to the next with the
// 落款. The heading must move too, leaving free lines behind it.
func TestHeadingAtThePageFootMoves(t *testing.T) {
	const heading = "六、其他需要报告的事项"
	moved := 0
	for n := 0; n <= 40; n++ {
		r := reports.Sample().Clone()
		last := &r.Improvement.Measures[len(r.Improvement.Measures)-1]
		// Two-line paragraphs, and one of one line when n is odd, so that
		// 六 lands on every line of a page.
		last.Text += strings.Repeat("\n坚持问题导向，把政务公开工作纳入年度目标考核，定期通报各村各部门信息发布情况。", n/2)
		if n%2 == 1 {
			last.Text += "\n加强督查。"
		}
		doc := mustLayout(t, r, Options{})
		for pi, p := range doc.Pages {
			fl := flowLines(p)
			for k, l := range fl {
				if l.Text() != heading {
					continue
				}
				if k == len(fl)-1 {
					t.Errorf("%d paragraphs added: %s ends page %d, its text is on the next", n, heading, p.Number)
				}
				if k == 0 && pi > 0 {
					prev := flowLines(doc.Pages[pi-1])
					if free := LinesPerPage - 1 - gridRow(prev[len(prev)-1]); free >= 2 {
						moved++ // it would have fitted, and moved on with its text
					}
				}
			}
		}
	}
	if moved == 0 {
		t.Fatal("no layout moved 六 from the foot of a page: the test checks nothing")
	}
}
