// Package version holds the version of nianbao, shown by `nianbao version`
// and in the 关于 dialog. Release builds set it with
// -ldflags "-X nianbao/version.Number=…"; it must match FyneApp.toml.
package version

// Number is the program's version.
var Number = "0.1.0"

// AppName is the program's Chinese display name.
const AppName = "政府信息公开年报"
