package audit

import "testing"

func TestDivisions(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"the township with and without its county", "新源县别斯托别乡人民政府", "别斯托别乡政府", true},
		{"a county's government and its department", "新源县人民政府", "新源县教育局", false},
		{"two departments of one county", "新源县教育局", "新源县民政局", false},
		{"one department written two ways", "伊犁哈萨克自治州新源县教育局", "新源县教育局", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, okA := Divisions(tc.a)
			b, okB := Divisions(tc.b)
			if !okA || !okB {
				t.Fatalf("not resolved: %q %v, %q %v", tc.a, okA, tc.b, okB)
			}
			if (a == b) != tc.same {
				t.Errorf("%q → %s, %q → %s; same = %v, want %v", tc.a, a, tc.b, b, a == b, tc.same)
			}
		})
	}
}
