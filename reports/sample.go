package reports

import "nianbao/assets"

// Sample returns the built-in sample report: the 2023 report of
// 新源县别斯托别乡人民政府 as published, every paragraph and number as printed.
func Sample() *Report {
	r, err := Parse(assets.Sample)
	if err != nil {
		panic("embedded sample is invalid: " + err.Error()) // caught by tests
	}
	return r
}
