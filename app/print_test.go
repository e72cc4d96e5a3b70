//go:build !windows

package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// fakeCommands puts scripts named like the system's print and open
// commands on an otherwise empty PATH.
func fakeCommands(t *testing.T, scripts map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
}

func TestPrintingSaysWhatHappenedInPlainChinese(t *testing.T) {
	cases := []struct {
		name      string
		scripts   map[string]string
		wantOK    string
		noPrinter bool
		reason    string
	}{
		{"lp prints", map[string]string{"lp": "echo 'request id is HP-12 (1 file(s))'"}, "已交给默认打印机", false, ""},
		{"lp without a default printer", map[string]string{"lp": "echo 'lp: Error - No default destination.' >&2; exit 1"}, "", false, "这台电脑没有设置默认打印机"},
		{"lp with the scheduler down", map[string]string{"lp": "echo 'lp: Unable to connect to server' >&2; exit 1"}, "", false, "打印服务没有运行"},
		{"no lp, a PDF viewer opens it", map[string]string{"xdg-open": "exit 0"}, "已用 PDF 阅读器打开", false, ""},
		{"no lp, nothing opens PDF files", map[string]string{"xdg-open": "echo 'xdg-open: no method available for opening' >&2; exit 3"}, "", true, ""},
		{"neither lp nor xdg-open", map[string]string{}, "", true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fakeCommands(t, c.scripts)
			how, err := printFile(filepath.Join(t.TempDir(), "报告.pdf"))
			if c.wantOK != "" {
				if err != nil || !strings.Contains(how, c.wantOK) {
					t.Fatalf("printFile = %q, %v; want %q", how, err, c.wantOK)
				}
				if strings.Contains(how, "lp") {
					t.Errorf("the message names a command: %q", how)
				}
				return
			}
			var pe *printError
			if !errors.As(err, &pe) || pe.noPrinter != c.noPrinter || pe.reason != c.reason {
				t.Fatalf("printFile error %#v, want noPrinter %v reason %q", err, c.noPrinter, c.reason)
			}
		})
	}
}

func TestNothingCanPrintOffersToSaveThePDF(t *testing.T) {
	fakeCommands(t, map[string]string{})
	s, w := newTestShell(t, writeSample(t))
	pdfPath := filepath.Join(t.TempDir(), "报告.pdf")
	os.WriteFile(pdfPath, []byte("%PDF-1.7 test"), 0o644)
	_, err := printFile(pdfPath)
	s.printFailed(err, pdfPath)
	msg := strings.Join(overlayLabels(w), "\n")
	if !strings.Contains(msg, "没有可以打印的打印机") || !strings.Contains(msg, "保存为 PDF") {
		t.Errorf("message %q does not say that nothing can print and what to do", msg)
	}
	for _, bad := range []string{"lp", "xdg-open", "exec", "exit status"} {
		if strings.Contains(msg, bad) {
			t.Errorf("message names %q: %q", bad, msg)
		}
	}
	bs := buttons(w)
	if bs["保存 PDF…"] == nil {
		t.Fatalf("no 保存 PDF… button: %v", bs)
	}
	test.Tap(bs["保存 PDF…"])
	if bs := buttons(w); bs["保存"] == nil {
		t.Errorf("保存 PDF… does not ask where to save (buttons %v)", bs)
	}
}

func TestAFileNoProgramOpensIsSaidSo(t *testing.T) {
	fakeCommands(t, map[string]string{"xdg-open": "exit 4"})
	if err := openWithDefault("/tmp/x.pdf"); err == nil {
		t.Fatal("a failing xdg-open reported success")
	}
	s, w := newTestShell(t, writeSample(t))
	s.openFailed("/home/科员/文档/别斯托别乡2023年度报告.pdf")
	msg := strings.Join(overlayLabels(w), "\n")
	if !strings.Contains(msg, "没有能打开 PDF 文件的程序") || !strings.Contains(msg, "别斯托别乡2023年度报告.pdf") {
		t.Errorf("message %q", msg)
	}
}
