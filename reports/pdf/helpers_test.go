package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"nianbao/reports"
)

// docJSON is the layout model as stored in the goldens.
func docJSON(t *testing.T, doc *Document) []byte {
	t.Helper()
	c := *doc
	c.Creator = "nianbao (version)" // goldens survive a version bump
	doc = &c
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// squash removes all white space, so that extracted text can be compared
// whatever line breaks and spacing the extraction produced.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// longReport is the sample grown until every mechanism is needed: many
// long paragraphs over several pages, table 三 full of distinct numbers
// (so it continues on a second page with its header repeated), measures
// with titles, items in 六 and the signature line.
func longReport() *reports.Report {
	r := reports.Sample().Clone()
	sentences := []string{
		"本乡坚持以公开为常态、不公开为例外，围绕群众关切的重点领域持续发布政策文件和解读材料，",
		"全年通过政府网站、政务新媒体和村务公开栏发布信息1286条，其中政策解读47篇（含图解12篇），",
		"联系电话0999-5027300全年畅通，受理咨询“三安全一稳定”相关事项23件；",
		"同时对照《条例》第二十条逐项梳理主动公开目录，更新Excel统计台账和PDF归档文件。",
	}
	var long string
	for i := 0; i < 3; i++ {
		long += strings.Join(sentences, "")
	}
	long = strings.TrimSuffix(long, "。") + "。"
	r.Overview.Parts = nil
	for i := 0; i < 8; i++ {
		r.Overview.Parts = append(r.Overview.Parts, reports.Part{Title: fmt.Sprintf("第%s方面工作", reports.ChineseNumber(i+1)), Text: long + "\n" + sentences[i%4] + "全面完成年度任务。"})
	}
	t := r.Tmpl()
	tb := t.Table(reports.TableT3)
	for ri := range tb.Rows {
		for ci := range tb.Columns {
			if !tb.IsComputed(ri, ci) {
				r.SetCell(tb.CellKey(ri, ci), reports.Num(int64(100*(ri+1)+ci+1)))
			}
		}
	}
	r.Other.Items = []reports.Part{
		{Title: "落实上级年度政务公开工作要点情况", Text: sentences[0] + "按期完成。"},
		{Title: "人大代表建议和政协提案办理结果公开情况", Text: "本年度未承办人大代表建议和政协提案。"},
	}
	r.Signing.SignatureLine = true
	return r
}
