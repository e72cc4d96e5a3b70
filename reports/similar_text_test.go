package reports

import (
	"slices"
	"testing"
)

func TestSharedWithQuotesThePassagesAsWritten(t *testing.T) {
	copied := "坚持定期组织开展政务公开业务培训和研讨交流，全年培训12次。"
	a := New(2023)
	a.Overview.Parts = []Part{{Title: "主动公开", Text: copied + "本乡新建便民服务站三处。"}}
	b := New(2023)
	b.Overview.Parts = []Part{{Title: "主动公开", Text: "全县统一部署。" + "坚持定期组织开展政务公开业务培训和研讨交流，全年培训17次。"}}
	ta, tb := NarrativeText(a), NarrativeText(b)
	s, passages := ta.SharedWith(tb)
	if want := similarity(appendNarrative(nil, a, true), appendNarrative(nil, b, true)); s != want || s < 0.6 {
		t.Errorf("SharedWith = %.3f, COPIED_TEXT's measure = %.3f: not the same measure", s, want)
	}
	// the digits differ (12 and 17) but are folded, so the whole sentence is shared
	if want := []string{"坚持定期组织开展政务公开业务培训和研讨交流，全年培训12次。"}; !slices.Equal(passages, want) {
		t.Errorf("passages = %q, want %q", passages, want)
	}
	if ta.Len() != len([]rune(a.Overview.Parts[0].Text)) {
		t.Errorf("Len = %d", ta.Len())
	}
	if s, p := ta.SharedWith(NarrativeText(New(2023))); s != 0 || p != nil {
		t.Errorf("shared with an empty report: %.2f %q", s, p)
	}
}
