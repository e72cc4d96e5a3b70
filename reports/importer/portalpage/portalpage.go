// Package portalpage builds a government portal's article page around
// nianbao's own web page of a report, with the page chrome worded as on
// real portal pages (the report of a saved page, and the corpus
// under reports/importer/testdata/corpus/): the site's header, navigation,
// search and breadcrumb, the column name, the title bar, the article's
// metadata and buttons, the attachments, links and the footer. The
// importer's tests and bench/webextract read the same pages; only they
// import this package.
package portalpage

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"

	"nianbao/reports"
	rhtml "nianbao/reports/html"
)

const (
	header = `<div class="top">登录<a>登录</a>注册<a>注册</a>你好，<a>注销</a></div>
<div class="ipv6">网站支持IPV6</div>
<ul class="nav"><li><a>首页</a></li><li><a>政务公开</a></li><li><a>解读回应</a></li><li><a>政务服务</a></li><li><a>互动交流</a></li></ul>
<div class="search">热门搜索：<a>营商环境</a> <a>乡村振兴</a><span>长者模式</span></div>
<div class="crumb">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政府信息公开年报</a></div>
<div class="column">政府信息公开年报</div>`
	meta = `<div class="info">来源：别斯托别乡 时间：2024-01-19 <span>【字体：大 中 小】</span></div>
<div class="share"><a>微信</a><a>微博</a><a>QQ空间</a> <a>全真版</a> <a>文字版</a> <a>文件下载</a></div>`
	footer = `<div class="attach"><p>附件下载：</p><ul><li><a>别斯托别乡2023年度政府信息公开工作年度报告.docx</a></li></ul></div>
<div class="qr">扫一扫在手机上查看当前页面</div>
<div class="btns"><a>【打印】</a><a>【关闭】</a></div>
<div class="links"><p>省市政府网站</p><ul><li>新疆维吾尔自治区人民政府</li><li>伊犁哈萨克自治州人民政府</li><li>霍城县人民政府</li><li>尼勒克县人民政府</li></ul></div>
<div class="footer"><p>主办：新源县人民政府办公室</p><p>网站标识码：6540250001　新ICP备05000000号-1</p><p>为确保最佳浏览效果，建议使用1366×768分辨率</p></div>`
)

var (
	reReportDiv = regexp.MustCompile(`(?s)<div class="nianbao-report">(.*)</div>\s*</body>`)
	reH1        = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
)

// Page wraps nianbao's web page of r in a portal's page: the report's
// body in <div id="zoom"> inside <div class="main">, the chrome around it
// (the attachments start at <div class="attach">), and the title in
// <title> after the site's name. charset, when not "", is declared in a
// meta tag; titleInBody puts the title in a title bar above the article
// as well (otherwise it is only in <title>).
func Page(r *reports.Report, charset string, titleInBody bool) (string, error) {
	var buf bytes.Buffer
	if err := rhtml.Write(&buf, r); err != nil {
		return "", fmt.Errorf("portal page: %w", err)
	}
	m := reReportDiv.FindStringSubmatch(buf.String())
	if m == nil {
		return "", errors.New("portal page: no report div in nianbao's HTML")
	}
	body := m[1]
	t := reH1.FindStringSubmatch(body)
	if t == nil {
		return "", errors.New("portal page: no <h1> title in nianbao's HTML")
	}
	title := t[1]
	body = reH1.ReplaceAllString(body, "")
	head := "<head>"
	if charset != "" {
		head += `<meta http-equiv="Content-Type" content="text/html; charset=` + charset + `">`
	}
	head += "<title>" + title + "_新源县人民政府</title></head>"
	bar := ""
	if titleInBody {
		bar = `<div class="title"><h1>` + title + `</h1></div>`
	}
	return "<!DOCTYPE html>\n<html>" + head + "<body>" + header + `<div class="main">` + bar + meta +
		`<div id="zoom" class="content">` + body + `</div>` + footer + "</div></body></html>", nil
}
