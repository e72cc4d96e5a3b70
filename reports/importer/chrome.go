package importer

import (
	"fmt"
	"regexp"
	"strings"

	"nianbao/reports"
)

// A report saved from a government portal (or copied from it) comes with
// the page around it: the site's links and breadcrumb above the title, the
// article's metadata and buttons under it (来源, 发布时间, 字号, 打印, 分享),
// and the footer after the report (附件下载, 扫一扫, related links, 网站标识码,
// ICP备). These rules, on paragraphs, tell that page chrome from the report;
// what they drop is kept in Result.Dropped and summed up in a note.

// reMetaLine matches an article metadata line: a label and a colon at its
// start ("来源：县教育和体育局 发布时间：2025-01-14", "索引号：…", "字体：【").
var reMetaLine = regexp.MustCompile(`^(?:信息来源|来源|发布时间|发布日期|更新时间|时间|日期|作者|录入|编辑|责任编辑|发布机构|发布单位|浏览次数|浏览量|阅读次数|阅读量|阅读|访问量|访问次数|点击率|点击数|点击量|字体|字号|分享到|分享|索引号|发文字号|文号|体裁分类|主题分类|组配分类|服务对象|公开方式|公开范围|公开时限|有效性|生成日期)\s*[:：【\[]`)

// buttonWords are the words of a line of buttons and switches.
var buttonWords = map[string]bool{
	"打印": true, "打印整页": true, "打印内容": true, "打印本页": true, "打印此页": true, "分享": true, "分享到": true,
	"关闭": true, "关闭窗口": true, "收藏": true, "默认": true, "超大": true, "大": true, "中": true, "小": true,
	"全真版": true, "文字版": true, "文件下载": true, "下载": true, "返回顶部": true, "返回": true, "返回首页": true,
	"字号": true, "字体": true, "扫一扫": true, "微信": true, "微博": true, "QQ空间": true, "微信微博QQ空间": true,
	"关怀版": true, "无障碍": true, "无障碍阅读": true, "长者模式": true, "长者版": true, "大字版": true, "纠错": true,
	"[": true, "]": true, "【": true, "】": true, ":": true, "：": true, "|": true,
}

// reIndexNumber matches an index number or a bare date standing alone.
var reIndexNumber = regexp.MustCompile(`^(?:[0-9A-Za-z]{6,}[/\-][0-9A-Za-z/\-]+|\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$`)

// footerMarks are never in a report: a line with one starts the footer.
var footerMarks = []string{"网站标识码", "ICP备", "公网安备", "为确保最佳浏览效果", "最佳浏览效果", "版权所有"}

// footerWords start a page's footer or the links after an article when
// they stand in a short line, not in a sentence ("如有疑问请联系我们。").
var footerWords = []string{
	"扫一扫", "主办单位", "承办单位", "主办:", "承办:", "技术支持", "网站地图", "联系我们", "附件下载", "相关附件", "相关链接",
	"相关文章", "相关阅读", "相关信息", "上一篇", "下一篇", "打印本页", "关闭窗口", "[打印]", "[关闭]", "分享到", "政府网站找错",
}

// reAttachment matches a line naming an attached file.
var reAttachment = regexp.MustCompile(`(?i)\.(?:docx?|wps|pdf|ofd|xlsx?|et|zip|rar)(?:\(\d+(?:\.\d+)?[KMG]B?\))?$`)

// isButtonLine reports whether s is only buttons and switches.
func isButtonLine(s string) bool {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\u3000' || r == '\t' || r == '【' || r == '】' || r == '[' || r == ']' || r == '|' || r == '/'
	})
	if len(f) == 0 {
		return false
	}
	for _, w := range f {
		if !buttonWords[strings.TrimRight(w, ":：")] {
			return false
		}
	}
	return true
}

// isMetaLine reports whether s is an article's metadata, buttons or an
// index number: page chrome wherever it stands in the front matter.
func isMetaLine(s string) bool {
	t := strings.TrimSpace(s)
	return reMetaLine.MatchString(t) || isButtonLine(t) || reIndexNumber.MatchString(t)
}

// isBreadcrumb reports whether s is a breadcrumb ("当前位置：首页 > 政务公开
// > 年度报告").
func isBreadcrumb(s string) bool {
	c := canon(s)
	return strings.Contains(c, "位置:") || strings.Count(c, ">") >= 2 || strings.Count(c, "»") >= 2
}

// isTitleLike reports whether s reads as a report title (with or without
// the organ and the year).
func isTitleLike(c string) bool {
	return strings.Contains(c, "报告") && runeLen(c) <= 60 && !strings.ContainsAny(c, ".,:;") && !isBreadcrumb(c)
}

// isRepeatedTitle reports whether s, below the title, is the title again
// or another heading of the whole report ("河包镇政府信息公开工作年度报告",
// "关于2019年政府信息公开工作年度报告").
func isRepeatedTitle(s, title string) bool {
	c := canon(s)
	if c == title {
		return true
	}
	return isTitleLike(c) && strings.HasSuffix(c, "报告") && strings.Contains(c, "政府信息公开")
}

// isColumnName reports whether s is a site's column name (政府信息公开年报,
// 政务公开, 信息公开年报): a short phrase of 公开 or 年报, no sentence.
func isColumnName(s string) bool {
	c := canon(s)
	return runeLen(c) <= 15 && !strings.ContainsAny(c, ".,;:!?") && (strings.Contains(c, "公开") || strings.Contains(c, "年报")) && !reTitleYear.MatchString(c)
}

// isFooterLine reports whether s starts the page's footer.
func isFooterLine(s string) bool {
	c := canon(s)
	for _, m := range footerMarks {
		if strings.Contains(c, canon(m)) {
			return true
		}
	}
	if runeLen(c) <= 80 && reAttachment.MatchString(c) {
		return true // an attachment's link: 附件：××年度报告.docx
	}
	if runeLen(c) > 40 || strings.Contains(c, ".") {
		return false
	}
	for _, m := range footerWords {
		if strings.Contains(c, canon(m)) {
			return true
		}
	}
	return false
}

// isLinkLike reports whether s could be a link of a footer's link list: a
// short line with no sentence punctuation.
func isLinkLike(s string) bool {
	c := canon(s)
	if c == "" || runeLen(c) > 20 || strings.ContainsAny(c, ".,;:!?") || sectionHeading(s) != "" {
		return false
	}
	_, date := parseDateLine(s)
	return !date
}

// dropChrome records blocks dropped as page chrome.
func (rc *recognizer) dropChrome(texts ...string) {
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			rc.res.Dropped = append(rc.res.Dropped, t)
		}
	}
}

// chromeNote lists what was dropped as page chrome in one note.
func (rc *recognizer) chromeNote() {
	d := rc.res.Dropped
	if len(d) == 0 {
		return
	}
	// Every one is named, so that nothing vanishes unseen.
	var shown []string
	for _, t := range d {
		shown = append(shown, "“"+clip(t)+"”")
	}
	more := fmt.Sprintf("（共%d处）", len(d))
	sev := reports.Note
	for _, t := range d {
		// A sentence is rarely chrome: let the clerk look.
		if runeLen(t) >= 40 && strings.Contains(t, "。") {
			sev = reports.Warning
		}
	}
	rc.res.Findings = append(rc.res.Findings, reports.ImportFinding(sev, reports.Location{},
		fmt.Sprintf("已略去不属于报告的文字（网页的栏目、导航、按钮、页脚等）：%s%s", strings.Join(shown, "、"), more)))
}

// trimFooter cuts the page's footer off the end of the blocks: from the
// first footer line after the last section heading, with the link list
// just before it (two or more short lines).
func (rc *recognizer) trimFooter(blocks []block, after int) []block {
	for i := max(after+1, 0); i < len(blocks); i++ {
		if blocks[i].table != nil || !isFooterLine(blocks[i].para) {
			continue
		}
		start := i
		for start-1 > after && blocks[start-1].table == nil && isLinkLike(blocks[start-1].para) {
			start--
		}
		if i-start < 2 {
			start = i // one short line before the footer may be the 落款
		}
		for _, b := range blocks[start:] {
			if b.table != nil {
				rc.dropChrome("（表格）")
				continue
			}
			rc.dropChrome(b.para)
		}
		return blocks[:start]
	}
	return blocks
}
