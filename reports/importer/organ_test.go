package importer

import (
	"strings"
	"testing"
)

func TestOrganFromColumn(t *testing.T) {
	cases := []struct {
		name, short, context string
		want                 string
		cut                  bool
	}{
		{"a column name before the township", "政府信息公开年报别斯托别乡", "", "别斯托别乡", true},
		{"a column name before a county government", "政务公开年报融安县人民政府", "", "融安县人民政府", true},
		{"a breadcrumb before the organ (乐至县回澜镇's page)", "当前位置：首页>政府信息公开年报乐至县回澜镇人民政府", "", "乐至县回澜镇人民政府", true},
		{"a breadcrumb with the town in it (河包镇's page)", "当前位置：街镇>河包镇>政务公开>政府信息公开年报河包镇", "", "河包镇", true},
		{"a township's own name stays", "别斯托别乡", "", "别斯托别乡", false},
		{"a county department stays", "融安县教育局", "", "融安县教育局", false},
		{"a name without any division stays", "某某单位", "", "某某单位", false},
		{"an ambiguous township after a column name, with the 落款", "信息公开城关镇", "永登县城关镇人民政府", "城关镇", true},
	}
	for _, c := range cases {
		got, cut := organFromColumn(c.short, c.context)
		if got != c.want || cut != c.cut {
			t.Errorf("%s: organFromColumn(%s) = %s %v, want %s %v", c.name, c.short, got, cut, c.want, c.cut)
		}
	}
	// In a whole import: the title carries the column name.
	seed := strings.Replace(readSeed(t), "别斯托别乡 2023 年度政府信息公开", "政府信息公开年报别斯托别乡 2023 年度政府信息公开", 1)
	if !strings.Contains(seed, "政府信息公开年报别斯托别乡") {
		t.Fatal("the seed's title was not found")
	}
	res := mustImport(t, "seed.txt", []byte(seed))
	if got := res.Report.Organ.ShortName; got != "别斯托别乡" {
		t.Errorf("short name %q, want 别斯托别乡", got)
	}
}
