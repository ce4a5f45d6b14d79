# One entry point for developers and CI. Every target sets itself up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PACKAGE_STAMP := $(VENV)/.installed-package
# `make install-desktop BUNDLE=dist/annotator` installs the menu entry of a built bundle.
BUNDLE ?=
ANNOTATOR = $(if $(BUNDLE),$(BUNDLE)/annotator,$(BIN)/annotator)

.PHONY: run test lint bench package package-archive resources translations-update install-desktop \
	uninstall-desktop clean screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $(PACKAGE_STAMP)

## resources: compile the translations (.ts -> .qm) and render the icon sizes from the SVG
resources: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/build_resources.py

## translations-update: extract new interface strings from annotator/ui into the .ts files
translations-update: $(STAMP)
	$(BIN)/python packaging/build_resources.py update

## run: set up and open the application (the demo project on first run)
run: $(STAMP) resources
	$(BIN)/annotator

## test: set up and run the whole test suite with the layering and lint checks
test: $(STAMP) resources
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## bench: print one line per figure, `name: value unit`
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/run_all.py

## screenshots: the argument arcs on the demo, English and Arabic, in build/screenshots/ (Xvfb)
screenshots: $(STAMP) resources
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python packaging/screenshots.py

## package: build the one-folder application in dist/annotator/ and smoke-test it
package: $(PACKAGE_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pyinstaller --noconfirm --clean \
		--distpath dist --workpath build/pyinstaller packaging/annotator.spec
	QT_QPA_PLATFORM=offscreen dist/annotator/annotator selfcheck --gui --verbose
	@du -sh dist/annotator

## package-archive: the bundle as dist/annotator-VERSION-linux-ARCH.tar.gz, to hand out
package-archive: package
	tar -C dist -czf dist/annotator-$$($(BIN)/python -c 'import annotator; print(annotator.__version__)')-linux-$$(uname -m).tar.gz annotator
	@ls -sh dist/*.tar.gz

## install-desktop: add annotator (BUNDLE=dist/annotator: the bundle) to the desktop menu,
## with its icon and the project file type (into $XDG_DATA_HOME, ~/.local/share)
install-desktop: resources
	$(ANNOTATOR) desktop install

uninstall-desktop: $(STAMP)
	$(ANNOTATOR) desktop uninstall

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
