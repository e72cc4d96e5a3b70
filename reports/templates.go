package reports

// The two national templates as data. Every label here is printed, exported
// and matched on import exactly as written, so copy labels character for
// character from the official template (full-width brackets, curly quotes).

// CrossCheckNote is the 勾稽关系 note printed in the corner of table 三.
const CrossCheckNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

// Row and column keys shared by both templates.
const (
	RowNew     = "new"   // 一、本年新收政府信息公开申请数量
	RowCarry   = "carry" // 二、上年结转政府信息公开申请数量
	RowTotal   = "total" // （七）总计
	RowNext    = "next"  // 四、结转下年度继续办理
	ColTotal   = "total" // 总计
	TableT3    = "t3"
	TableT4    = "t4"
	RowT4Cases = "cases"
)

var sections2021 = []Section{
	{Key: SectionOverview, Number: "一", Heading: "总体情况",
		Hint: "主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面的情况。简明客观，篇幅原则上不超过一千字。"},
	{Key: SectionActive, Number: "二", Heading: "主动公开政府信息情况",
		Hint: "统计数据截至本年度12月31日，包括已公开和依法未公开的全部处理决定。"},
	{Key: SectionRequests, Number: "三", Heading: "收到和处理政府信息公开申请情况"},
	{Key: SectionReview, Number: "四", Heading: "政府信息公开行政复议、行政诉讼情况",
		Hint: "行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量。"},
	{Key: SectionImprovement, Number: "五", Heading: "存在的主要问题及改进情况",
		Hint: "实事求是、明确具体，不得出现敷衍了事甚至年年雷同现象。"},
	{Key: SectionOther, Number: "六", Heading: "其他需要报告的事项",
		Hint: "依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告。"},
}

// blockLabelShare is the share of the printed width the label column of a
// block of table 二 takes; its number columns share the rest equally. (A
// variable, so that the weight is multiplied in float64 as printed.)
var blockLabelShare = 0.3

// block builds one block of table 二: a caption row, a header row with
// 信息内容 and the column labels, and one row per label.
func block(key, caption string, cols []Column, rows ...Row) *Table {
	header := []HeaderCell{{Label: "信息内容"}}
	for _, c := range cols {
		header = append(header, HeaderCell{Label: c.Label})
	}
	return &Table{
		Key: key, Section: SectionActive, Caption: caption, LabelColumns: 1,
		Header:  [][]HeaderCell{{{Label: caption, ColSpan: 1 + len(cols)}}, header},
		Columns: cols, Rows: rows,
		LabelWeights: []float64{blockLabelShare * PrintWidth},
	}
}

func row(key string, labels ...string) Row { return Row{Key: key, Labels: labels} }

// t3Number is the weight of table 三's number columns: 34 pt each, as the
// template prints them; its label columns are 22 and 50 pt and the rest.
const t3Number = 34

// applicantColumns are the columns of table 三 under 申请人情况.
func applicantColumns() []Column {
	const legal = "法人或其他组织"
	return []Column{
		{Key: "natural", Label: "自然人", Weight: t3Number},
		{Key: "business", Label: "商业企业", Group: legal, Weight: t3Number},
		{Key: "research", Label: "科研机构", Group: legal, Weight: t3Number},
		{Key: "charity", Label: "社会公益组织", Group: legal, Weight: t3Number},
		{Key: "lawfirm", Label: "法律服务机构", Group: legal, Weight: t3Number},
		{Key: "other", Label: "其他", Group: legal, Weight: t3Number},
		{Key: ColTotal, Label: "总计", Sum: []string{"natural", "business", "research", "charity", "lawfirm", "other"}, Weight: t3Number},
	}
}

func applicantHeader() [][]HeaderCell {
	return [][]HeaderCell{
		{{Label: CrossCheckNote, ColSpan: 3, RowSpan: 3, Note: true}, {Label: "申请人情况", ColSpan: 7}},
		{{Label: "自然人", RowSpan: 2}, {Label: "法人或其他组织", ColSpan: 5}, {Label: "总计", RowSpan: 2}},
		{{Label: "商业企业"}, {Label: "科研机构"}, {Label: "社会公益组织"}, {Label: "法律服务机构"}, {Label: "其他"}},
	}
}

// requestsTable builds table 三; other lists the rows of （六）其他处理.
func requestsTable(other []Row) *Table {
	const result = "三、本年度办理结果"
	const deny, unable, noproc = "（三）不予公开", "（四）无法提供", "（五）不予处理"
	rows := []Row{
		row(RowNew, "一、本年新收政府信息公开申请数量"),
		row(RowCarry, "二、上年结转政府信息公开申请数量"),
		row("open", result, "（一）予以公开"),
		row("partial", result, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
		row("deny1", result, deny, "1.属于国家秘密"),
		row("deny2", result, deny, "2.其他法律行政法规禁止公开"),
		row("deny3", result, deny, "3.危及“三安全一稳定”"),
		row("deny4", result, deny, "4.保护第三方合法权益"),
		row("deny5", result, deny, "5.属于三类内部事务信息"),
		row("deny6", result, deny, "6.属于四类过程性信息"),
		row("deny7", result, deny, "7.属于行政执法案卷"),
		row("deny8", result, deny, "8.属于行政查询事项"),
		row("unable1", result, unable, "1.本机关不掌握相关政府信息"),
		row("unable2", result, unable, "2.没有现成信息需要另行制作"),
		row("unable3", result, unable, "3.补正后申请内容仍不明确"),
		row("noproc1", result, noproc, "1.信访举报投诉类申请"),
		row("noproc2", result, noproc, "2.重复申请"),
		row("noproc3", result, noproc, "3.要求提供公开出版物"),
		row("noproc4", result, noproc, "4.无正当理由大量反复申请"),
		row("noproc5", result, noproc, "5.要求行政机关确认或重新出具已获取信息"),
	}
	rows = append(rows, other...)
	var results []string
	for _, r := range rows[2:] {
		results = append(results, r.Key)
	}
	rows = append(rows,
		Row{Key: RowTotal, Labels: []string{result, "（七）总计"}, Sum: results},
		row(RowNext, "四、结转下年度继续办理"),
	)
	return &Table{
		Key: TableT3, Section: SectionRequests, LabelColumns: 3,
		Header: applicantHeader(), Columns: applicantColumns(), Rows: rows,
		LabelWeights: []float64{22, 50, 0},
	}
}

// reviewTable builds table 四, the same in both templates: its fifteen
// columns have no weight, so they share the width equally.
func reviewTable() *Table {
	var cols []Column
	var leaves []HeaderCell
	for _, g := range []struct{ key, group string }{
		{"review", "行政复议"}, {"direct", "行政诉讼·未经复议直接起诉"}, {"after", "行政诉讼·复议后起诉"},
	} {
		var parts []string
		for _, c := range []struct{ key, label string }{
			{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"},
		} {
			cols = append(cols, Column{Key: g.key + "_" + c.key, Label: c.label, Group: g.group})
			parts = append(parts, g.key+"_"+c.key)
		}
		cols = append(cols, Column{Key: g.key + "_total", Label: "总计", Group: g.group, Sum: parts})
	}
	for _, c := range cols[:5] {
		leaves = append(leaves, HeaderCell{Label: c.Label, RowSpan: 2})
	}
	second := append(leaves, HeaderCell{Label: "未经复议直接起诉", ColSpan: 5}, HeaderCell{Label: "复议后起诉", ColSpan: 5})
	var third []HeaderCell
	for _, c := range cols[5:] {
		third = append(third, HeaderCell{Label: c.Label})
	}
	return &Table{
		Key: TableT4, Section: SectionReview,
		Header: [][]HeaderCell{
			{{Label: "行政复议", ColSpan: 5}, {Label: "行政诉讼", ColSpan: 10}},
			second, third,
		},
		Columns: cols,
		Rows:    []Row{{Key: RowT4Cases}},
	}
}

var template2021 = &Template{
	Version:  V2021,
	Document: "国办公开办函〔2021〕30号",
	Sections: withTables(sections2021, "t2_1", "t2_5", "t2_6", "t2_8"),
	Tables: []*Table{
		block("t2_1", "第二十条第（一）项", []Column{
			{Key: "made", Label: "本年制发件数"}, {Key: "repealed", Label: "本年废止件数"}, {Key: "valid", Label: "现行有效件数"},
		}, row("rules", "规章"), row("norms", "行政规范性文件")),
		block("t2_5", "第二十条第（五）项", []Column{{Key: "decisions", Label: "本年处理决定数量"}},
			row("license", "行政许可")),
		block("t2_6", "第二十条第（六）项", []Column{{Key: "decisions", Label: "本年处理决定数量"}},
			row("penalty", "行政处罚"), row("coercion", "行政强制")),
		block("t2_8", "第二十条第（八）项", []Column{{Key: "amount", Label: "本年收费金额（单位：万元）", Money: true}},
			row("fee", "行政事业性收费")),
		requestsTable([]Row{
			row("other1", "三、本年度办理结果", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
			row("other2", "三、本年度办理结果", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
			row("other3", "三、本年度办理结果", "（六）其他处理", "3.其他"),
		}),
		reviewTable(),
	},
}

var template2019 = &Template{
	Version:  V2019,
	Document: "国办公开办函〔2019〕60号",
	Sections: withTables(sections2019(), "t2_1", "t2_5", "t2_6", "t2_8", "t2_9"),
	Tables: []*Table{
		block("t2_1", "第二十条第（一）项", []Column{
			{Key: "made", Label: "本年新制作数量"}, {Key: "published", Label: "本年新公开数量"}, {Key: "valid", Label: "对外公开总数量"},
		}, row("rules", "规章"), row("norms", "规范性文件")),
		block("t2_5", "第二十条第（五）项", []Column{
			{Key: "items_prev", Label: "上一年项目数量"}, {Key: "items_change", Label: "本年增/减", Signed: true}, {Key: "decisions", Label: "处理决定数量"},
		}, row("license", "行政许可"), row("services", "其他对外管理服务事项")),
		block("t2_6", "第二十条第（六）项", []Column{
			{Key: "items_prev", Label: "上一年项目数量"}, {Key: "items_change", Label: "本年增/减", Signed: true}, {Key: "decisions", Label: "处理决定数量"},
		}, row("penalty", "行政处罚"), row("coercion", "行政强制")),
		block("t2_8", "第二十条第（八）项", []Column{
			{Key: "items_prev", Label: "上一年项目数量"}, {Key: "items_change", Label: "本年增/减", Signed: true},
		}, row("fee", "行政事业性收费")),
		block("t2_9", "第二十条第（九）项", []Column{
			{Key: "projects", Label: "采购项目数量"}, {Key: "amount", Label: "采购总金额", Money: true},
		}, row("procurement", "政府集中采购")),
		requestsTable([]Row{row("other", "三、本年度办理结果", "（六）其他处理")}),
		reviewTable(),
	},
}

func sections2019() []Section {
	out := append([]Section(nil), sections2021...)
	out[5].Hint = "" // the 2019 format has no 信息处理费 note
	return out
}

// withTables attaches the table keys to the sections that print them.
func withTables(secs []Section, active ...string) []Section {
	out := append([]Section(nil), secs...)
	for i := range out {
		switch out[i].Key {
		case SectionActive:
			out[i].Tables = active
		case SectionRequests:
			out[i].Tables = []string{TableT3}
		case SectionReview:
			out[i].Tables = []string{TableT4}
		}
	}
	return out
}
