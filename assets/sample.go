package assets

import _ "embed"

// Sample is the built-in sample report (.nianbao JSON): the 2023 report of
// 新源县别斯托别乡人民政府, transcribed from the published text.
//
//go:embed sample.nianbao
var Sample []byte
