//go:build !harness

package app

// The ordinary build's stand-ins for the scripts' harness (harness.go,
// built with -tags harness): nothing is measured, toured or logged.

func runHarnessBaseline() bool       { return false }
func stageTimer() func(stage string) { return func(string) {} }
func (s *shell) startHarness()       {}
func harnessFirstFrame()             {}
