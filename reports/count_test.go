package reports

import "testing"

func TestCountCharsSkipsSpacesAndLineBreaks(t *testing.T) {
	cases := []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"Chinese with punctuation", "本乡公开政务。", 7},
		{"two paragraphs", "第一段。\n第二段。", 8},
		{"spaces and full-width space", "公开 信息　", 4},
		{"digits", "2023年", 5},
	}
	for _, c := range cases {
		if got := CountChars(c.text); got != c.want {
			t.Errorf("%s: CountChars(%q) = %d, want %d", c.name, c.text, got, c.want)
		}
	}
}
