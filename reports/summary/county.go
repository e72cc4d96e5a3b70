package summary

import (
	"fmt"
	"strings"

	"nianbao/reports/gazetteer"
)

// County finds the county (县, 区, county-level city, 旗) a clerk names:
// 融安县, 柳州市融安县, 融安县人民政府. A name several counties share
// (朝阳区) is refused with the candidates listed, so that the clerk adds
// the prefecture.
func County(name string) (gazetteer.Division, error) {
	n := strings.TrimSpace(name)
	if n == "" {
		return gazetteer.Division{}, fmt.Errorf("没有给出县（区）名称")
	}
	res := gazetteer.Resolve(n)
	switch {
	case len(res.Candidates) == 0:
		return gazetteer.Division{}, fmt.Errorf("行政区划中没有“%s”（请写县、区的正式名称，如“融安县”“柳州市融安县”）", n)
	case !res.OK():
		var where []string
		for i, c := range res.Candidates {
			if i == 8 {
				where = append(where, fmt.Sprintf("等%d处", len(res.Candidates)))
				break
			}
			where = append(where, c.FullName())
		}
		return gazetteer.Division{}, fmt.Errorf("“%s”有%d个同名的行政区划：%s。请在前面加上所属的市或省，如“%s”", n, len(res.Candidates), strings.Join(where, "、"), res.Candidates[0].Up().Name()+res.Candidates[0].Name())
	case res.Division.Level() != gazetteer.County:
		return gazetteer.Division{}, fmt.Errorf("“%s”是%s（%s），不是县级行政区划；名单只能按县（区）列出其乡镇、街道", n, res.Division.FullName(), res.Division.Level().Chinese())
	}
	return res.Division, nil
}

// CountyRoster lists the organs of a county's townships, towns and street
// offices (its 乡级 divisions with codes below 400, in code order) by
// their usual full names: 融安县大坡乡人民政府, 伊宁市萨依布依街道办事处.
// Units the statistics treat like townships (农场, 开发区, 兵团团场;
// codes 400–599) publish no report of their own as a rule and are left
// out. The county's departments are not in the gazetteer: a clerk adds
// them to the list.
func CountyRoster(county gazetteer.Division) []string {
	var out []string
	for _, d := range county.Children() {
		if d.Kind() == "" {
			continue
		}
		out = append(out, gazetteer.OrganName(d))
	}
	return out
}

// rosterKey is what two names of one organ share: the division they start
// with (read with the county as context, so that 大坡乡人民政府 is 融安县's)
// and what follows it, the government itself counting as nothing.
func rosterKey(name string, context []string) string {
	res := gazetteer.Resolve(name, context...)
	if !res.OK() {
		return ""
	}
	rest := res.Rest
	switch rest {
	case "人民政府", "政府", "办事处", "街道办事处":
		rest = ""
	}
	return res.Division.Code() + "|" + rest
}
