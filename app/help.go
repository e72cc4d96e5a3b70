package app

import (
	"os"
	"path/filepath"

	"nianbao/docs"
	"nianbao/reports"
)

// guidePath is where 帮助 → 使用说明 writes the guide's page before opening
// it: the user's cache folder, so it works the same installed or not.
func guidePath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "nianbao", docs.GuideName), nil
}

// onGuide shows the clerk's guide (使用说明) in the default web browser,
// from the copy embedded in the program, so it works offline.
func (s *shell) onGuide() {
	path, err := writeGuide()
	if err != nil {
		s.showError("无法打开使用说明。", err, "安装文件夹中也有一份“"+docs.GuideName+"”，可以直接双击打开。")
		return
	}
	s.openFile(path)
}

// writeGuide writes the guide's page to guidePath and returns the path.
func writeGuide() (string, error) {
	path, err := guidePath()
	if err != nil {
		return "", err
	}
	page, err := docs.GuideHTML()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	return path, reports.WriteFileAtomic(path, page, false)
}
