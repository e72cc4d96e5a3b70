package reports

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// cleanReport is a complete 2023 township report that passes every check.
func cleanReport(year int) *Report {
	r := New(year)
	r.Organ = Organ{FullName: "新源县别斯托别乡人民政府", ShortName: "别斯托别乡", Level: LevelTownship}
	r.Contact = Contact{Office: "别斯托别乡党政办", Phone: "0999-5027300"}
	r.Preamble = DefaultPreamble(r)
	texts := []string{
		"本乡围绕中心工作主动公开政策文件和惠民资金信息，按时更新公开目录。",
		"规范依申请公开受理、登记、办理和答复流程，明确承办人员和办理时限。",
		"建立信息发布前保密审查和合法性审查机制，动态调整公开清单。",
		"依托县政府门户网站的乡镇专栏发布信息，栏目设置符合规范。",
		"将政务公开纳入年度绩效考核，定期开展自查并通报整改结果。",
	}
	for i := range r.Overview.Parts {
		r.Overview.Parts[i].Text = texts[i]
	}
	r.Improvement.Problems = []Part{{Text: "公开内容不够全面，解读形式较为单一，基层工作人员业务水平有待提升。"}}
	r.Improvement.Measures = []Part{
		{Title: "加强培训", Text: "组织工作人员参加业务培训，提升信息发布质量。"},
		{Title: "丰富解读", Text: "采用图文、问答等形式解读重点政策，方便群众理解。"},
	}
	r.Signing.Date = Date{year + 1, 1, 19}
	return r
}

// previousReport is a 2022 report with figures for the cross-year checks.
func previousReport() *Report {
	p := cleanReport(2022)
	p.Cells[Key("t2_1", "norms", "valid")] = Num(10)
	p.Cells[Key("t3", "new", "natural")] = Num(3)
	p.Cells[Key("t3", "open", "natural")] = Num(1)
	p.Cells[Key("t3", "next", "natural")] = Num(2)
	p.Overview.Parts[0].Text = "上年全面梳理权责清单，逐项明确公开主体、公开时限和公开方式，按要求在专栏集中发布，方便群众查阅。"
	p.Overview.Parts[1].Text = "设立依申请公开窗口，公布受理渠道和咨询电话，申请人可当面或通过信函提出申请。"
	p.Overview.Parts[2].Text = "对历年文件开展清理，按照保留、修改、废止分类标注，并同步更新公开目录。"
	p.Overview.Parts[3].Text = "新增惠民政策问答栏目，每月核查链接有效性，及时修复错链断链问题。"
	p.Overview.Parts[4].Text = "成立政务公开工作领导小组，主要负责同志亲自部署，每季度召开专题会议研究。"
	p.Improvement.Problems = []Part{{Text: "一是政策解读形式单一，图解视频等群众喜闻乐见的形式运用不多；二是公开栏目更新不够及时。"}}
	p.Improvement.Measures = []Part{{Title: "强化解读", Text: "围绕群众关心关注的热点问题，综合运用图解、视频等形式开展政策解读，提高解读质量和实效。"}}
	return p
}

func set(r *Report, k string, v int64) {
	r.Cells[CellKey(k)] = Num(v)
}

func codes(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func TestCleanReportHasNoFindings(t *testing.T) {
	for _, year := range []int{2020, 2023} {
		r := cleanReport(year)
		if fs := Check(r, nil); len(fs) != 0 {
			t.Errorf("%d: clean report gave findings: %v", year, fs)
		}
		p := previousReport()
		r = cleanReport(2023)
		r.Cells[Key("t2_1", "norms", "valid")] = Num(10)
		r.Cells[Key("t3", "carry", "natural")] = Num(2)
		r.Cells[Key("t3", "open", "natural")] = Num(2)
		if fs := Check(r, p); len(fs) != 0 {
			t.Errorf("clean report with last year gave findings: %v", fs)
		}
	}
}

func TestChecks(t *testing.T) {
	type tc struct {
		name   string
		edit   func(r, prev *Report)
		code   string
		trips  bool
		inText []string // the message of the finding contains these
		sev    Severity
	}
	part := func(text string) func(r, prev *Report) {
		return func(r, _ *Report) { r.Overview.Parts[1].Text = text }
	}
	cases := []tc{
		{"2019 template used for 2023", func(r, _ *Report) { r.Template = V2019 }, CodeTemplateYear, true, []string{"2023", "2021年版"}, Error},
		{"2021 template for 2023", func(r, _ *Report) {}, CodeTemplateYear, false, nil, Error},

		{"table 三 does not balance", func(r, _ *Report) { set(r, "t3.new.natural", 3); set(r, "t3.open.natural", 2) },
			CodeT3Balance, true, []string{"自然人", "= 3", "= 2"}, Error},
		{"table 三 balances with carry-over to next year", func(r, _ *Report) {
			set(r, "t3.new.natural", 3)
			set(r, "t3.open.natural", 2)
			set(r, "t3.next.natural", 1)
		}, CodeT3Balance, false, nil, Error},
		{"unbalanced column of legal persons", func(r, _ *Report) { set(r, "t3.carry.lawfirm", 1) },
			CodeT3Balance, true, []string{"法人或其他组织·法律服务机构"}, Error},

		{"declared 总计 differs from the sum", func(r, _ *Report) {
			r.Declared = map[CellKey]Cell{"t3.total.total": Num(5)}
		}, CodeDeclaredTotal, true, []string{"为5", "相加为0"}, Error},
		{"declared 表四 total differs", func(r, _ *Report) {
			set(r, "t4.cases.review_upheld", 2)
			r.Declared = map[CellKey]Cell{"t4.cases.review_total": Num(1)}
		}, CodeDeclaredTotal, true, []string{"行政复议·总计", "为1", "相加为2"}, Error},
		{"declared total left blank", func(r, _ *Report) {
			r.Declared = map[CellKey]Cell{"t3.new.total": BlankCell()}
		}, CodeDeclaredTotal, true, []string{"为空"}, Error},
		{"declared totals agree", func(r, _ *Report) {
			set(r, "t3.new.natural", 2)
			set(r, "t3.open.natural", 2)
			r.Declared = map[CellKey]Cell{"t3.new.total": Num(2), "t3.total.natural": Num(2), "t3.total.total": Num(2)}
		}, CodeDeclaredTotal, false, nil, Error},

		{"blank cell", func(r, _ *Report) { r.Cells["t2_5.license.decisions"] = BlankCell() },
			CodeCellBlank, true, []string{"行政许可", "为空"}, Error},
		{"missing cell counts as blank", func(r, _ *Report) { delete(r.Cells, "t3.deny3.natural") },
			CodeCellBlank, true, []string{"危及“三安全一稳定”"}, Error},
		{"zero is not blank", func(r, _ *Report) {}, CodeCellBlank, false, nil, Error},
		{"text in a number cell", func(r, _ *Report) { r.Cells["t3.new.natural"] = ParseCell("三件") },
			CodeCellText, true, []string{"三件", "不是数字"}, Error},
		{"full-width digits are a number", func(r, _ *Report) { r.Cells["t2_6.penalty.decisions"] = ParseCell("１２") },
			CodeCellText, false, nil, Error},
		{"negative count", func(r, _ *Report) { set(r, "t2_6.penalty.decisions", -1) },
			CodeCellNegative, true, []string{"-1", "行政处罚"}, Error},
		{"本年增/减 of the 2019 format may be negative", func(r, _ *Report) {
			*r = *cleanReport(2020)
			set(r, "t2_5.license.items_change", -3)
		}, CodeCellNegative, false, nil, Error},
		{"fractional count", func(r, _ *Report) { r.Cells["t2_6.coercion.decisions"] = ParseCell("1.5") },
			CodeCellFraction, true, []string{"1.5", "整数"}, Error},
		{"fee in 万元 with six decimals", func(r, _ *Report) { r.Cells["t2_8.fee.amount"] = ParseCell("5949.088667") },
			CodeCellFraction, false, nil, Error},

		{"carry-over differs from last year's 结转下年度", func(r, _ *Report) { set(r, "t3.carry.natural", 1); set(r, "t3.open.natural", 1) },
			CodeCarryOver, true, []string{"为1", "2022年度", "为2"}, Error},
		{"carry-over equals last year's", func(r, _ *Report) { set(r, "t3.carry.natural", 2); set(r, "t3.open.natural", 2) },
			CodeCarryOver, false, nil, Error},

		{"现行有效 does not follow from last year", func(r, _ *Report) {
			set(r, "t2_1.norms.made", 2)
			set(r, "t2_1.norms.repealed", 1)
			set(r, "t2_1.norms.valid", 12)
		}, CodeValidCount, true, []string{"12", "10 + 本年制发2 − 本年废止1 = 11"}, Warning},
		{"现行有效 follows from last year", func(r, _ *Report) {
			set(r, "t2_1.norms.made", 2)
			set(r, "t2_1.norms.repealed", 1)
			set(r, "t2_1.norms.valid", 11)
		}, CodeValidCount, false, nil, Warning},

		{"township reports 规章", func(r, _ *Report) { set(r, "t2_1.rules.valid", 1) }, CodeTownshipRules, true, []string{"规章", "1"}, Warning},
		{"county department reports 规章", func(r, _ *Report) {
			r.Organ = Organ{FullName: "新源县教育局", ShortName: "新源县教育局", Level: LevelCountyDept}
			set(r, "t2_1.rules.valid", 1)
		}, CodeTownshipRules, false, nil, Warning},

		{"复议后起诉 exceeds 行政复议", func(r, _ *Report) { set(r, "t4.cases.review_upheld", 1); set(r, "t4.cases.after_pending", 2) },
			CodeLitigationAfterReview, true, []string{"为2", "总计1"}, Warning},
		{"复议后起诉 within 行政复议", func(r, _ *Report) { set(r, "t4.cases.review_upheld", 2); set(r, "t4.cases.after_pending", 1) },
			CodeLitigationAfterReview, false, nil, Warning},

		{"most results are 其他处理", func(r, _ *Report) {
			set(r, "t3.new.natural", 4)
			set(r, "t3.other3.natural", 3)
			set(r, "t3.open.natural", 1)
		},
			CodeManyOther, true, []string{"共3件", "总计4件"}, Warning},
		{"half the results are 其他处理", func(r, _ *Report) {
			set(r, "t3.new.natural", 4)
			set(r, "t3.other3.natural", 2)
			set(r, "t3.open.natural", 2)
		},
			CodeManyOther, false, nil, Warning},
		{"few results, all 其他处理", func(r, _ *Report) { set(r, "t3.new.natural", 3); set(r, "t3.other1.natural", 3) },
			CodeManyOther, false, nil, Warning},

		{"text says 393 规范性文件, table says 470", func(r, _ *Report) {
			set(r, "t2_1.norms.valid", 470)
			r.Overview.Parts[2].Text = "截至年底，现行有效的行政规范性文件393件，均已在专栏公开。"
		}, CodeTextNumber, true, []string{"393", "470", "现行有效件数"}, Warning},
		{"text and table agree on 规范性文件", func(r, _ *Report) {
			set(r, "t2_1.norms.valid", 393)
			r.Overview.Parts[2].Text = "截至年底，行政规范性文件现行有效393件。"
		}, CodeTextNumber, false, nil, Warning},
		{"规章 and 规范性文件 in one clause", func(r, _ *Report) {
			set(r, "t2_1.norms.valid", 12)
			r.Overview.Parts[2].Text = "现行有效规章0件、规范性文件12件。"
		}, CodeTextNumber, false, nil, Warning},
		{"未发生行政复议、行政诉讼 while 表四 has a lawsuit", func(r, _ *Report) {
			set(r, "t4.cases.direct_upheld", 1)
			r.Overview.Parts[1].Text = "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
		}, CodeTextNumber, true, []string{"行政诉讼", "总计为1"}, Warning},
		{"text says 制发规范性文件3件, table 2", func(r, _ *Report) {
			set(r, "t2_1.norms.made", 2)
			set(r, "t2_1.norms.valid", 2)
			r.Overview.Parts[2].Text = "本年制发规范性文件3件。"
		}, CodeTextNumber, true, []string{"3", "本年制发件数"}, Warning},
		{"text says 收到申请5件, table 3", func(r, _ *Report) {
			set(r, "t3.new.natural", 3)
			set(r, "t3.open.natural", 3)
			r.Overview.Parts[1].Text = "全年共收到政府信息公开申请5件，均按时答复。"
		}, CodeTextNumber, true, []string{"5", "总计为3"}, Warning},
		{"text says 收到申请五件 in Chinese numerals, table 5", func(r, _ *Report) {
			set(r, "t3.new.natural", 5)
			set(r, "t3.open.natural", 5)
			r.Overview.Parts[1].Text = "全年共收到政府信息公开申请五件，其中予以公开五件。"
		}, CodeTextNumber, false, nil, Warning},
		{"受理 counts last year's carry-over too", func(r, _ *Report) {
			set(r, "t3.new.natural", 3)
			set(r, "t3.carry.natural", 1)
			set(r, "t3.open.natural", 4)
			r.Overview.Parts[1].Text = "本年度共受理政府信息公开申请4件。"
		}, CodeTextNumber, false, nil, Warning},
		{"未收到申请 while the table has 2", func(r, _ *Report) {
			set(r, "t3.new.natural", 2)
			set(r, "t3.open.natural", 2)
			r.Overview.Parts[1].Text = "2023年度我乡未收到政府信息依申请公开。"
		}, CodeTextNumber, true, []string{"未收到", "总计为2"}, Warning},
		{"未收到申请 and the table has 0", part("2023年度我乡未收到政府信息依申请公开。"), CodeTextNumber, false, nil, Warning},
		{"收到申请1件 while 表三 is not filled in (missing from an imported page)", func(r, _ *Report) {
			for _, col := range []string{"natural", "business", "research", "charity", "lawfirm", "other"} {
				r.Cells[Key(TableT3, RowNew, col)] = BlankCell()
			}
			r.Overview.Parts[1].Text = "2023年，我乡收到政府信息依申请公开办理事项1件。"
		}, CodeTextNumber, false, nil, Warning},
		{"text says 行政复议2件, table 1", func(r, _ *Report) {
			set(r, "t4.cases.review_upheld", 1)
			r.Overview.Parts[1].Text = "全年发生政府信息公开行政复议2件。"
		}, CodeTextNumber, true, []string{"行政复议2件", "总计为1"}, Warning},
		{"行政诉讼 in the text is both blocks of 表四", func(r, _ *Report) {
			set(r, "t4.cases.review_upheld", 2)
			set(r, "t4.cases.direct_upheld", 1)
			set(r, "t4.cases.after_corrected", 2)
			r.Overview.Parts[1].Text = "全年发生行政复议2件，行政诉讼3件，其中纠正2件。"
		}, CodeTextNumber, false, nil, Warning},
		{"未发生行政复议 while 表四 has one", func(r, _ *Report) {
			set(r, "t4.cases.review_upheld", 1)
			r.Overview.Parts[1].Text = "本年度未发生政府信息公开行政复议案件。"
		}, CodeTextNumber, true, []string{"总计为1"}, Warning},

		{"总体情况 over 1000 characters", func(r, _ *Report) { r.Overview.Parts[0].Text = strings.Repeat("公开", 480) },
			CodeOverviewLong, true, []string{"字，超过", "一千字"}, Warning},
		{"总体情况 of 1000 characters, spaces not counted", func(r, _ *Report) {
			n := 0
			for i, p := range r.Overview.Parts {
				if i > 0 {
					n += CountChars(p.Title) + CountChars(p.Text)
				}
			}
			n += CountChars(r.Overview.Parts[0].Title)
			r.Overview.Parts[0].Text = strings.Repeat("字", 1000-n) + strings.Repeat(" \n", 50)
		}, CodeOverviewLong, false, nil, Warning},

		{"another township's name", part("对那拉提镇下辖各村开展督导。"), CodeOtherPlace, true, []string{"那拉提镇"}, Warning},
		{"another street office", part("学习借鉴城东街道的经验。"), CodeOtherPlace, true, []string{"城东街道"}, Warning},
		{"own township and county", part("别斯托别乡在新源县政务公开办指导下开展工作。"), CodeOtherPlace, false, nil, Warning},
		{"a county government names its townships", func(r, _ *Report) {
			r.Organ = Organ{FullName: "新源县人民政府", ShortName: "新源县", Level: LevelCountyGov}
			r.Overview.Parts[1].Text = "在那拉提镇和坎苏镇开展试点，县委、县政府统筹推进。"
		}, CodeOtherPlace, false, nil, Warning},
		{"a county government names another county", func(r, _ *Report) {
			r.Organ = Organ{FullName: "新源县人民政府", ShortName: "新源县", Level: LevelCountyGov}
			r.Overview.Parts[1].Text = "参照巩留县做法开展试点。"
		}, CodeOtherPlace, true, []string{"巩留县", "新源县"}, Warning},
		{"the 落款 names another township", func(r, _ *Report) { r.Signing.Organ = "新源县那拉提镇人民政府" },
			CodeOtherPlace, true, []string{"那拉提镇"}, Warning},
		{"the 落款 names the organ's own office", func(r, _ *Report) { r.Signing.Organ = "新源县别斯托别乡人民政府办公室" },
			CodeOtherPlace, false, nil, Warning},
		{"the contact office is another township's", func(r, _ *Report) { r.Contact.Office = "那拉提镇党政办" },
			CodeOtherPlace, true, []string{"那拉提镇"}, Warning},
		{"an office that sits in the county seat's 镇", func(r, _ *Report) {
			r.Contact.Address = "新源县新源镇人民路1号"
			r.Overview.Parts[1].Text = "在新源镇设立依申请公开受理点。"
		}, CodeOtherPlace, false, nil, Warning},
		{"generic words ending like places", part("推进城乡一体化，服务社区群众，优化营商环境，规范市场秩序，各乡镇互相学习，区分处理的申请。"), CodeOtherPlace, false, nil, Warning},

		{"a 乡 writes 本镇", part("本镇严格落实公开要求。"), CodeUnitKind, true, []string{"本镇", "乡"}, Warning},
		{"a 乡 writes 镇政府", part("由镇政府统一发布。"), CodeUnitKind, true, []string{"镇政府"}, Warning},
		{"a 乡 writes 乡镇政府 and 城镇", part("乡镇政府应推进城镇建设信息公开。"), CodeUnitKind, false, nil, Warning},
		{"a 镇 writes 我乡", func(r, _ *Report) {
			r.Organ = Organ{FullName: "新源县那拉提镇人民政府", ShortName: "那拉提镇", Level: LevelTownship}
			r.Overview.Parts[1].Text = "我乡严格落实公开要求。"
		}, CodeUnitKind, true, []string{"乡", "那拉提镇"}, Warning},
		{"a 街道 writes 本镇", func(r, _ *Report) {
			r.Organ = Organ{FullName: "伊宁市城东街道办事处", ShortName: "城东街道", Level: LevelTownship}
			r.Overview.Parts[0].Text = "本街道围绕中心工作主动公开信息。"
			r.Overview.Parts[1].Text = "本镇严格落实公开要求。"
		}, CodeUnitKind, true, []string{"本镇", "城东街道"}, Warning},
		{"a county department is no 乡 or 镇", func(r, _ *Report) {
			r.Organ = Organ{FullName: "新源县教育局", ShortName: "新源县教育局", Level: LevelCountyDept}
			r.Overview.Parts[1].Text = "指导各镇政府做好公开。"
		}, CodeUnitKind, false, nil, Warning},

		{"a year two years back", part("2021年制定的制度继续执行。"), CodeTextYear, true, []string{"2021年", "2023年度"}, Warning},
		{"last year after 较", part("申请数量较2022年有所减少。"), CodeTextYear, false, nil, Warning},
		{"last year without a cue", part("2022年公开了预算信息。"), CodeTextYear, true, []string{"2022年"}, Warning},
		{"last year's 决算 and an unfinished carry-over", part("公开2022年部门决算信息；2022年未转结政府信息公开申请。"), CodeTextYear, false, nil, Warning},
		{"next year and book titles", part("2024年1月继续落实《2019年政务公开工作要点》。"), CodeTextYear, false, nil, Warning},
		{"a law's revision and a plan's horizon", part("贯彻2019年修订的《条例》，对标2035年远景目标。"), CodeTextYear, false, nil, Warning},
		{"year written with a space as copied from Word", part("2019 年建成专栏。"), CodeTextYear, true, []string{"2019 年"}, Warning},

		{"year glued to month", part("自20231月1日起施行。"), CodeTextDate, true, []string{"20231月", "缺少“年”"}, Warning},
		{"thirteenth month", part("2023年13月完成。"), CodeTextDate, true, []string{"2023年13月", "没有13月"}, Warning},
		{"30 February", part("于2月30日发布。"), CodeTextDate, true, []string{"2月30日"}, Warning},
		{"five-digit year", part("20233年完成。"), CodeTextDate, true, []string{"20233"}, Warning},
		{"good dates", part("自2023年1月1日起至2023年12月31日止，2月29日不算错。"), CodeTextDate, false, nil, Warning},

		{"no signing date", func(r, _ *Report) { r.Signing.Date = Date{} }, CodeSignDateMissing, true, []string{"日期"}, Warning},
		{"township signs after 31 January", func(r, _ *Report) { r.Signing.Date = Date{2024, 2, 1} },
			CodeSignDateLate, true, []string{"2024年2月1日", "2024年1月31日", "乡镇"}, Warning},
		{"county government signs on 15 February", func(r, _ *Report) {
			r.Organ = Organ{FullName: "新源县人民政府", ShortName: "新源县", Level: LevelCountyGov}
			r.Signing.Date = Date{2024, 2, 15}
		}, CodeSignDateLate, false, nil, Warning},
		{"signed within the report year", func(r, _ *Report) { r.Signing.Date = Date{2023, 12, 31} },
			CodeSignDateEarly, true, []string{"2023年12月31日"}, Warning},
		{"signed on 1 January", func(r, _ *Report) { r.Signing.Date = Date{2024, 1, 1} }, CodeSignDateEarly, false, nil, Warning},

		{"五 copied from last year", func(r, p *Report) {
			r.Improvement = p.Improvement
		}, CodeCopiedImprovement, true, []string{"100%", "2022年度"}, Warning},
		{"五 copied with the years changed", func(r, p *Report) {
			r.Improvement = p.Improvement
			r.Improvement.Problems = []Part{{Text: strings.ReplaceAll(p.Improvement.Problems[0].Text, "一是", "一是2023年")}}
		}, CodeCopiedImprovement, true, nil, Warning},
		{"五 rewritten", func(r, _ *Report) {}, CodeCopiedImprovement, false, nil, Warning},
		{"whole text copied", func(r, p *Report) {
			r.Overview = p.Overview
			r.Improvement = p.Improvement
		}, CodeCopiedText, true, []string{"%", "照抄"}, Warning},
		{"both years still empty", func(r, p *Report) {
			for _, x := range []*Report{r, p} {
				x.Overview.Parts = make([]Part, 9)
				x.Improvement = Improvement{}
			}
		}, CodeCopiedText, false, nil, Warning},
		{"only one part copied", func(r, p *Report) { r.Overview.Parts[0] = p.Overview.Parts[0] }, CodeCopiedText, false, nil, Warning},

		{"a signing date is set", func(r, _ *Report) {}, CodeSignDateMissing, false, nil, Warning},
		{"organ names present", func(r, _ *Report) {}, CodeEmptyOrgan, false, nil, Warning},
		{"one overview part with text is enough for the section", func(r, _ *Report) {
			for i := 1; i < len(r.Overview.Parts); i++ {
				r.Overview.Parts[i].Text = ""
			}
		}, CodeEmptyOverview, false, nil, Warning},
		{"every part has text", func(r, _ *Report) {}, CodeEmptyPart, false, nil, Warning},
		{"a problem without a title", func(r, _ *Report) { r.Improvement.Problems = []Part{{Text: "解读形式单一。"}} }, CodeEmptyProblems, false, nil, Warning},
		{"a measure without a title", func(r, _ *Report) { r.Improvement.Measures = []Part{{Text: "丰富解读形式。"}} }, CodeEmptyMeasures, false, nil, Warning},
		{"no organ names", func(r, _ *Report) { r.Organ.FullName = ""; r.Organ.ShortName = "" }, CodeEmptyOrgan, true, []string{"为空"}, Warning},
		{"no overview text", func(r, _ *Report) {
			for i := range r.Overview.Parts {
				r.Overview.Parts[i].Text = " "
			}
		}, CodeEmptyOverview, true, nil, Warning},
		{"one overview part empty", func(r, _ *Report) { r.Overview.Parts[3].Text = "" }, CodeEmptyPart, true, []string{"第4部分", "政府信息公开平台建设"}, Warning},
		{"no problems", func(r, _ *Report) { r.Improvement.Problems = nil }, CodeEmptyProblems, true, nil, Warning},
		{"no measures", func(r, _ *Report) { r.Improvement.Measures = []Part{{Title: "加强培训"}} }, CodeEmptyMeasures, true, nil, Warning},
		{"no fee statement", func(r, _ *Report) { r.Other.Fee = "" }, CodeEmptyFee, true, []string{"信息处理费"}, Warning},
		{"no fee statement in the 2019 format", func(r, _ *Report) {
			*r = *cleanReport(2020)
			r.Other.Fee = ""
		}, CodeEmptyFee, false, nil, Warning},
		{"no signing organ", func(r, _ *Report) { r.Organ.FullName = ""; r.Signing.Organ = "" }, CodeEmptySigningOrgan, true, nil, Warning},
		{"signing organ from the organ's full name", func(r, _ *Report) { r.Signing.Organ = "" }, CodeEmptySigningOrgan, false, nil, Warning},
	}
	seen, seenNot := map[string]bool{}, map[string]bool{}
	for _, c := range cases {
		if !c.trips {
			seenNot[c.code] = true
		}
		t.Run(c.name, func(t *testing.T) {
			r, prev := cleanReport(2023), previousReport()
			r.Cells[Key("t2_1", "norms", "valid")] = Num(10)
			c.edit(r, prev)
			fs := Check(r, prev)
			var got *Finding
			for i := range fs {
				if fs[i].Code == c.code {
					got = &fs[i]
					break
				}
			}
			if !c.trips {
				if got != nil {
					t.Fatalf("unexpected %s: %s (all: %v)", c.code, got.Message, codes(fs))
				}
				return
			}
			seen[c.code] = true
			if got == nil {
				t.Fatalf("no %s finding; got %v", c.code, fs)
			}
			if got.Severity != c.sev {
				t.Errorf("%s is %v, want %v", c.code, got.Severity, c.sev)
			}
			for _, s := range c.inText {
				if !strings.Contains(got.Message, s) {
					t.Errorf("message %q lacks %q", got.Message, s)
				}
			}
			if got.Location.Table == "" && got.Location.Field == "" && got.Location.Section == "" {
				t.Errorf("%s has no location", c.code)
			}
		})
	}
	for _, code := range allCodes {
		if !seen[code] {
			t.Errorf("no case trips %s", code)
		}
		if !seenNot[code] {
			t.Errorf("no case shows %s staying quiet", code)
		}
	}
}

var allCodes = []string{
	CodeTemplateYear, CodeT3Balance, CodeDeclaredTotal, CodeCellBlank, CodeCellText, CodeCellNegative,
	CodeCellFraction, CodeCarryOver, CodeValidCount, CodeTownshipRules, CodeLitigationAfterReview,
	CodeManyOther, CodeTextNumber, CodeOverviewLong, CodeOtherPlace, CodeUnitKind, CodeTextYear,
	CodeTextDate, CodeSignDateMissing, CodeSignDateLate, CodeSignDateEarly, CodeCopiedImprovement,
	CodeCopiedText, CodeEmptyOrgan, CodeEmptyOverview, CodeEmptyPart, CodeEmptyProblems,
	CodeEmptyMeasures, CodeEmptyFee, CodeEmptySigningOrgan,
}

func TestSampleFindings(t *testing.T) {
	fs := Check(Sample(), nil)
	if HasErrors(fs) {
		t.Fatalf("the sample has errors: %v", fs)
	}
	want := []struct {
		code, field, text string
		offset            int
	}{
		{CodeOtherPlace, "overview.parts.4.text", "新源镇", 17},
		{CodeUnitKind, "improvement.measures.1.text", "镇政务公开办", 2},
	}
	if len(fs) != len(want) {
		t.Fatalf("sample findings: %v, want %d", fs, len(want))
	}
	s := Sample()
	for i, w := range want {
		f := fs[i]
		if f.Code != w.code || f.Location.Field != w.field || f.Location.Offset != w.offset || !strings.Contains(f.Message, w.text) {
			t.Errorf("finding %d = %+v, want %s at %s+%d naming %s", i, f, w.code, w.field, w.offset, w.text)
		}
		// The offset points at the name in the text.
		var text string
		switch w.field {
		case "overview.parts.4.text":
			text = s.Overview.Parts[4].Text
		default:
			text = s.Improvement.Measures[1].Text
		}
		if got := string([]rune(text)[w.offset:]); !strings.HasPrefix(got, w.text) {
			t.Errorf("offset %d points at %q, want %q", w.offset, got, w.text)
		}
	}
}

func TestFindingsOrder(t *testing.T) {
	r := cleanReport(2023)
	r.Organ.ShortName = ""                          // report level
	r.Signing.Date = Date{}                         // 落款
	r.Improvement.Problems = nil                    // 五
	set(r, "t4.cases.after_upheld", 1)              // 四
	set(r, "t3.new.research", 1)                    // 三, column 科研机构
	set(r, "t3.new.natural", 1)                     // 三, column 自然人
	r.Cells["t2_5.license.decisions"] = BlankCell() // 二
	r.Preamble += "2019年"                           // preamble
	r.Overview.Parts[4].Text += "本镇"                // 一, part 5
	r.Overview.Parts[0].Text += "那拉提镇"              // 一, part 1
	fs := Check(r, nil)
	got := codes(fs)
	want := []string{CodeEmptyOrgan, CodeTextYear, CodeOtherPlace, CodeUnitKind, CodeCellBlank,
		CodeT3Balance, CodeT3Balance, CodeLitigationAfterReview, CodeEmptyProblems, CodeSignDateMissing}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("order:\n got %v\nwant %v", got, want)
	}
	if fs[5].Location.Column != "natural" || fs[6].Location.Column != "research" {
		t.Errorf("table 三 findings not in column order: %v, %v", fs[5].Location, fs[6].Location)
	}
	again := Check(r, nil)
	if !reflect.DeepEqual(fs, again) {
		t.Error("two runs differ")
	}
}

func TestCheckLeavesReportAlone(t *testing.T) {
	r := Sample()
	r.LastYear = previousReport()
	before, _ := Marshal(r)
	Check(r, nil)
	after, _ := Marshal(r)
	if string(before) != string(after) {
		t.Error("Check changed the report")
	}
}

func TestCheckUsesLastYearWhenNoPrevious(t *testing.T) {
	r := cleanReport(2023)
	r.Cells[Key("t2_1", "norms", "valid")] = Num(10)
	r.LastYear = previousReport()
	if !slices.Contains(codes(Check(r, nil)), CodeCarryOver) {
		t.Error("no CARRY_OVER from r.LastYear")
	}
	other := previousReport()
	other.Cells[Key("t3", "next", "natural")] = Num(0)
	if slices.Contains(codes(Check(r, other)), CodeCarryOver) {
		t.Error("the previous report given should win over r.LastYear")
	}
}

func TestSimilarity(t *testing.T) {
	a := "坚持定期组织开展政务公开业务培训和研讨交流，重点围绕政务公开测评反馈问题。"
	cases := []struct {
		name     string
		now, was string
		lo, hi   float64
	}{
		{"identical", a, a, 1, 1},
		{"nothing in common", a, "完善常态化检查考核机制，把第三方监测作为有效动力。", 0, 0.01},
		{"only short stock phrases in common", "政务公开工作", "政务公开工作", 0, 0},
		{"half copied", a + "群众点单式公开试点全面铺开，新增十二个栏目覆盖九类事项。", a, 0.45, 0.6},
		{"digits and spaces do not hide a copy", "2023年 全乡公开信息120条，办理申请3件。", "2022年全乡公开信息98条，办理申请5件。", 0.9, 1},
		{"empty text", "", a, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Similarity(c.now, c.was)
			if s < c.lo || s > c.hi {
				t.Errorf("Similarity = %.3f, want %.2f–%.2f", s, c.lo, c.hi)
			}
		})
	}
}

func TestWhere(t *testing.T) {
	r := Sample()
	cases := []struct {
		loc  Location
		want string
	}{
		{Location{Section: SectionRequests, Table: "t3", Row: "total", Column: "natural"}, "表三「三、本年度办理结果 （七）总计」行「自然人」列"},
		{Location{Section: SectionOverview, Field: "overview.parts.4.text", Offset: 17}, "一、总体情况 第5项正文第18字"},
		{Location{Field: "signing.date", Offset: -1}, "落款日期"},
		{Location{Section: SectionImprovement, Field: "improvement.measures.1.text", Offset: 2}, "五、存在的主要问题及改进情况 改进措施第2项正文第3字"},
		{Location{}, "全文"},
	}
	for _, c := range cases {
		if got := r.Where(c.loc); got != c.want {
			t.Errorf("Where(%+v) = %q, want %q", c.loc, got, c.want)
		}
	}
}

// BenchmarkCheckSample is the check the GUI runs on every keystroke; the
// budget is 1 ms, reported as budget-% (bench/check.sh prints the ratio).
func BenchmarkCheckSample(b *testing.B) {
	r := Sample()
	b.ReportAllocs()
	for b.Loop() {
		Check(r, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6*100, "budget-%")
}

// BenchmarkTotals compares, in one run, the totals as Check computes them
// (template index built once, each cell once per call) with asking
// Report.Number for every total, the alternative.
func BenchmarkTotals(b *testing.B) {
	r := filledReport()
	t := r.Tmpl()
	b.Run("check-cache", func(b *testing.B) {
		for b.Loop() {
			c := &checker{r: r, t: t, ix: indexOf(t)}
			for _, tb := range t.Tables {
				for ri := range tb.Rows {
					for ci := range tb.Columns {
						if tb.IsComputed(ri, ci) {
							c.num(tb, ri, ci)
						}
					}
				}
			}
		}
	})
	b.Run("Report.Number", func(b *testing.B) {
		for b.Loop() {
			for _, tb := range t.Tables {
				for ri := range tb.Rows {
					for ci := range tb.Columns {
						if tb.IsComputed(ri, ci) {
							r.Number(tb, ri, ci)
						}
					}
				}
			}
		}
	})
}

func TestCachedTotalsEqualNumber(t *testing.T) {
	for _, r := range []*Report{filledReport(), Sample(), New(2020)} {
		tm := r.Tmpl()
		c := &checker{r: r, t: tm, ix: indexOf(tm)}
		for _, tb := range tm.Tables {
			for ri := range tb.Rows {
				for ci := range tb.Columns {
					if got, want := c.num(tb, ri, ci), r.Number(tb, ri, ci); got != want {
						t.Errorf("%s: cached %s, Report.Number %s", tb.CellKey(ri, ci), got, want)
					}
				}
			}
		}
	}
}

func BenchmarkCheckWithLastYear(b *testing.B) {
	r := NextYear(Sample(), 2024)
	p := Sample()
	r.Overview = p.Overview
	r.Improvement = p.Improvement
	b.ReportAllocs()
	for b.Loop() {
		Check(r, nil)
	}
}

func ExampleCheck() {
	for _, f := range Check(Sample(), nil) {
		fmt.Println(f.Severity.Chinese(), f.Code)
	}
	// Output:
	// 警告 OTHER_PLACE
	// 警告 UNIT_KIND
}
