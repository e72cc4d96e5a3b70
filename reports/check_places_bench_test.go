package reports

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// oldStopChars, oldGeneric and oldScan are the place scan before the
// gazetteer (up to commit c7a2c76), kept to show what it reported and to
// measure the new scan against.
const oldStopChars = "对在将与和及向从到由于至并或其的了是为把被给各全本我该等个以按据经报送已未不也都还就又再共有无请要求作即同跟比往每此其中省州市县区乡镇村旗盟"

var oldGeneric = splitWords("城乡 家乡 下乡 返乡 故乡 他乡 异乡 同乡 老乡 进乡 入乡 城镇 重镇 村镇 集镇 古镇 名镇 小镇 强镇 坐镇 城市 都市 超市 上市 股市 集市 夜市 门市 楼市 开市 闹市 县市 郡县 市县 区县 社区 辖区 园区 景区 城区 市区 片区 地区 小区 山区 牧区 灾区 老区 误区 禁区 盲区 专区 校区 街区 选区 分区 县区 港区 库区 林区 矿区 湾区 学区 农区 边区 开发区 示范区 保护区 功能区 自治区 自治县 行政区 试验区 实验区 工业区 风景区 旅游区 居住区 服务区 核心区 先行区 集聚区 各街道 本街道 全街道")

var oldBigrams = func() map[[2]rune]bool {
	m := map[[2]rune]bool{}
	for _, w := range splitWords("强化 加强 推进 推动 落实 按照 根据 依据 通过 围绕 结合 配合 协助 督促 指导 开展 建设 完善 优化 提高 提升 深化 全面 组织 召开 参加 联系 联动 发布 公开 要求 统筹 协调 会同 联合 报送 上报 经过 关于 对于 同时 以及 进行 实现 覆盖 涉及 包括 服务 打造 构建 健全 规范 政务 信息 工作 所有 辖内 深入 走进 前往 来自 位于 地处 管辖 下辖 所辖 带动 辐射 助力 美丽 和谐 平安 法治 数字 智慧 依托 借助 利用 提交 呈报 接受 参照 学习 借鉴 指引 帮助 支持 邀请 组建 成立 设立 印发 转发") {
		m[[2]rune{w[0], w[1]}] = true
	}
	return m
}()

func oldEndsWithWord(cand []rune, list [][]rune) bool {
	for _, w := range list {
		if len(w) <= len(cand) && hasPrefixRunes(cand[len(cand)-len(w):], w) {
			return true
		}
	}
	return false
}

// oldScan returns the names the old scan took for places (2–4 characters
// before 乡/镇/街道/县/市/区, read backwards to a stop).
func oldScan(buf []rune) []string {
	var out []string
	for i := 0; i < len(buf); i++ {
		n := placeAt(buf, i)
		if n == 0 {
			continue
		}
		start := i
		for j := i - 1; j >= 0 && i-j <= 4; j-- {
			if !isHan(buf[j]) || strings.ContainsRune(oldStopChars, buf[j]) {
				break
			}
			if j >= 1 && oldBigrams[[2]rune{buf[j-1], buf[j]}] {
				break
			}
			start = j
		}
		if i-start >= 2 && !oldEndsWithWord(buf[start:i+n], oldGeneric) {
			out = append(out, string(buf[start:i+n]))
		}
		i += n - 1
	}
	return out
}

// reOld is the naive regular expression the old scan stood for.
var reOld = regexp.MustCompile(`\p{Han}{2,4}(?:乡|镇|街道|县|市|区)`)

// sampleTexts are the sample's narrative texts, normalised as the check
// scans them.
func sampleTexts() [][]rune {
	r := Sample()
	var out [][]rune
	for _, f := range r.textFields(nil) {
		if strings.TrimSpace(f.text) != "" {
			out = append(out, appendNormalized(nil, f.text))
		}
	}
	return out
}

// BenchmarkPlaceScan measures the gazetteer scan of the sample's texts
// against the old backward scan and the naive regular expression, and
// prints the ratios. The three run in turn, pass after pass, and the
// fastest pass of each counts: the build machine is shared, and the
// minimum is what the code costs rather than what the neighbours did.
func BenchmarkPlaceScan(b *testing.B) {
	texts := sampleTexts()
	strs := make([]string, len(texts))
	for i, t := range texts {
		strs[i] = string(t)
	}
	c := &checker{r: Sample()}
	Check(Sample(), nil) // decode the gazetteer outside the timing
	var ms []mention
	best := func(d *time.Duration, f func()) {
		t0 := time.Now()
		f()
		if e := time.Since(t0); *d == 0 || e < *d {
			*d = e
		}
	}
	var tNew, tOld, tRe time.Duration
	for b.Loop() {
		for range 100 {
			best(&tNew, func() {
				for _, t := range texts {
					c.buf = t
					ms = c.findMentions(ms[:0])
				}
			})
			best(&tOld, func() {
				for _, t := range texts {
					oldScan(t)
				}
			})
			best(&tRe, func() {
				for _, s := range strs {
					reOld.FindAllString(s, -1)
				}
			})
		}
	}
	b.ReportMetric(float64(tNew.Nanoseconds()), "ns/gazetteer-scan")
	b.ReportMetric(float64(tOld.Nanoseconds()), "ns/old-scan")
	b.ReportMetric(float64(tRe.Nanoseconds()), "ns/regexp-scan")
	b.Logf("sample texts (fastest pass): gazetteer scan %v, old scan %v (gazetteer/old = %.2f), regexp %v (gazetteer/regexp = %.3f)",
		tNew, tOld, float64(tNew)/float64(tOld), tRe, float64(tNew)/float64(tRe))
}
