# Release builds of nianbao (政府信息公开年报), made on Linux (Debian 12).
#
#   make dist        everything below, into dist/ (needs root: apt-get, chroot)
#   make windows     dist/nianbao.exe: Windows amd64 GUI exe, icon + version resources
#   make installer   dist/nianbao-VERSION-windows-amd64-setup.exe (NSIS)
#   make linux       dist/nianbao-VERSION-linux-amd64.tar.gz (glibc <= 2.28)
#   make smoke       the wine smoke test of the installer (packaging/windows/smoke.sh)
#   make deps        install the Debian packages and Go that the above need
#   make clean       remove dist/
#
# dist/ is not in git. docs/packaging.md says what the files are.

SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(PATH)
export GOFLAGS := -buildvcs=false

VERSION := $(shell sed -n 's/^var Number = "\(.*\)"/\1/p' version/version.go)
DIST := dist
EXE := $(DIST)/nianbao.exe
SETUP := $(DIST)/nianbao-$(VERSION)-windows-amd64-setup.exe
TARDIR := nianbao-$(VERSION)-linux-amd64
TARBALL := $(DIST)/$(TARDIR).tar.gz
NOTICES := $(DIST)/THIRD_PARTY_LICENSES.txt
GUIDE := $(DIST)/使用说明.html
LDFLAGS := -s -w -X nianbao/version.Number=$(VERSION)
GOWINRES := github.com/tc-hib/go-winres@v0.3.3
# Sources that change the binaries.
GOSRC := $(shell find . -name '*.go' -not -path './dist/*' 2>/dev/null) go.mod go.sum \
	$(wildcard assets/fonts/*.ttf) assets/icon.png assets/icon.ico

.PHONY: dist windows installer linux smoke deps clean
.DELETE_ON_ERROR:

dist: deps windows installer linux
	cd $(DIST) && sha256sum $(notdir $(EXE) $(SETUP) $(TARBALL)) > SHA256SUMS
	@ls -l $(DIST)

deps:
	bash packaging/deps.sh

windows: $(EXE)
installer: $(SETUP)
linux: $(TARBALL)

# The exe: cgo cross-build with Debian's mingw-w64, GUI subsystem, icon,
# manifest and version resources from go-winres (a .syso that go build links
# from the main package's folder; removed again afterwards).
$(EXE): $(GOSRC) packaging/windows/winres.json
	@mkdir -p $(DIST)
	GOFLAGS= go run $(GOWINRES) make --in packaging/windows/winres.json --arch amd64 \
		--out rsrc --product-version $(VERSION).0 --file-version $(VERSION).0
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		go build -trimpath -ldflags "-H windowsgui $(LDFLAGS)" -o $@ . ; \
		rc=$$?; rm -f rsrc_windows_amd64.syso; exit $$rc

$(SETUP): $(EXE) $(NOTICES) $(GUIDE) packaging/windows/installer.nsi assets/icon.ico LICENSE assets/fonts/LICENSE-OFL.txt assets/fonts/LICENSE-FandolFang.txt
	makensis -V2 -DVERSION=$(VERSION) "-DROOT=$(CURDIR)" "-DEXE=$(CURDIR)/$(EXE)" "-DNOTICES=$(CURDIR)/$(NOTICES)" "-DGUIDE=$(CURDIR)/$(GUIDE)" "-DOUTFILE=$(CURDIR)/$@" packaging/windows/installer.nsi

# The licences of the Go standard library and of every module linked in.
$(NOTICES): go.mod go.sum third_party/gopdf/LICENSE packaging/third-party-licenses.sh
	@mkdir -p $(DIST)
	bash packaging/third-party-licenses.sh $@

# The clerk's guide as one web page (pictures inlined), from docs/guide.md.
$(GUIDE): docs/guide.md docs/guide.go $(wildcard docs/*.png docs/screens/*/*.png)
	@mkdir -p $(DIST)
	go run . guide -o $@

# The Linux tarball: built in a Debian 11 chroot so it needs glibc <= 2.28.
$(TARBALL): $(GOSRC) $(NOTICES) $(GUIDE) packaging/linux/build-in-chroot.sh packaging/linux/install.sh \
		packaging/linux/cn.nianbao.app.desktop packaging/linux/cn.nianbao.app.xml
	rm -rf $(DIST)/$(TARDIR) && mkdir -p $(DIST)/$(TARDIR)
	bash packaging/linux/build-in-chroot.sh $(DIST)/$(TARDIR)/nianbao $(VERSION)
	sh packaging/linux/check-glibc.sh $(DIST)/$(TARDIR)/nianbao 2.28
	cp packaging/linux/cn.nianbao.app.desktop packaging/linux/cn.nianbao.app.xml \
		packaging/linux/install.sh packaging/linux/README.txt $(DIST)/$(TARDIR)/
	cp assets/icon.png $(DIST)/$(TARDIR)/cn.nianbao.app.png
	cp $(GUIDE) $(DIST)/$(TARDIR)/
	mkdir -p $(DIST)/$(TARDIR)/licenses
	cp LICENSE $(DIST)/$(TARDIR)/LICENSE.txt
	cp assets/fonts/LICENSE-OFL.txt assets/fonts/LICENSE-FandolFang.txt $(NOTICES) $(DIST)/$(TARDIR)/licenses/
	tar -C $(DIST) --owner=0 --group=0 --sort=name -czf $@ $(TARDIR)
	rm -rf $(DIST)/$(TARDIR)

smoke: installer
	bash packaging/windows/smoke.sh $(SETUP)

clean:
	rm -rf $(DIST) rsrc_windows_amd64.syso
