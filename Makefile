# minhbach: one command builds, one command tests.
GO ?= go
OUT ?= public

.PHONY: build run test vet lint fmt-check fuzz bench clean chromium java versitygw

STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2

## build: compile the site from content/ into $(OUT)/
build:
	$(GO) run ./cmd/minhbach build --out $(OUT)

## run: build the bundled content and preview it on http://127.0.0.1:1313/
run:
	$(GO) run ./cmd/minhbach serve --out $(OUT)

## test: formatting, vet, staticcheck, every Go test, check --strict, a build of the bundled
## content, the script's unit tests and the browser tests of the built site in Chromium
test: fmt-check vet lint java node_modules chromium versitygw
	VERSITYGW=$(CURDIR)/.bin/versitygw $(GO) test -count=1 ./...
	$(GO) run ./cmd/minhbach check --strict --as-of 2024-09-30
	node --test layouts/assets/
	site=$$(mktemp -d)/public && $(GO) run ./cmd/minhbach build --out $$site --as-of 2024-09-30 && \
	  SITE=$$site node --test tests/browser/

## chromium: Debian's Chromium for the browser tests, installed when missing (never a downloaded browser)
chromium:
	@command -v chromium >/dev/null || { \
	  sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium; }

## java: Debian's Java for the Nu HTML Checker (vnu.jar from npm), installed when missing; installed
## before node_modules, so that vnu-jar's install script finds it and downloads no Java of its own
java:
	@command -v java >/dev/null || { \
	  sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq default-jre-headless; }

## versitygw: the S3-compatible server the deploy tests upload to, built from the Go module
## proxy into .bin/ when missing or of another version
VERSITYGW_VERSION = v1.8.0
versitygw:
	@$(GO) version -m .bin/versitygw 2>/dev/null | grep -q 'mod[[:space:]]*github.com/versity/versitygw[[:space:]]*$(VERSITYGW_VERSION)[[:space:]]' || \
	  GOBIN=$(CURDIR)/.bin $(GO) install github.com/versity/versitygw/cmd/versitygw@$(VERSITYGW_VERSION)

## node_modules: the npm packages tests use (ical.js, playwright-core, axe-core, vnu-jar), exactly as package-lock.json pins them
node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

vet:
	$(GO) vet ./...

## lint: staticcheck, pinned, fetched from the Go module proxy
lint:
	$(GO) run $(STATICCHECK) ./...

fmt-check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

## fuzz: run each fuzz target for FUZZTIME executions, a count rather than a duration because
## go1.26 fails a timed run at its deadline (golang/go#75804) (crashers land in testdata/fuzz and become regression tests)
FUZZTIME ?= 300000x
# the importer runs whole documents, some hundred times slower per input
FUZZTIME_IMPORT ?= 10000x
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/vntime/
	$(GO) test -run '^$$' -fuzz '^FuzzTextLine$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/ical/
	$(GO) test -run '^$$' -fuzz '^FuzzImport$$' -fuzztime $(FUZZTIME_IMPORT) -fuzzminimizetime 200x ./internal/importer/
	$(GO) test -run '^$$' -fuzz '^FuzzMentions$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/agency/
	$(GO) test -run '^$$' -fuzz '^FuzzFind$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/citation/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/catalog/
	$(GO) test -run '^$$' -fuzz '^FuzzFrontMatter$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/content/
	$(GO) test -run '^$$' -fuzz '^FuzzPlan$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/recognize/
	$(GO) test -run '^$$' -fuzz '^FuzzAppendix$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/recognize/
	$(GO) test -run '^$$' -fuzz '^FuzzImportWritesMarkdown$$' -fuzztime $(FUZZTIME_IMPORT) -fuzzminimizetime 200x ./internal/importer/
	$(GO) test -run '^$$' -fuzz '^FuzzEscapers$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./internal/tmplexec/

## bench: builds generated corpora of ~1,000, 10,000 and 100,000 tasks and prints wall and CPU
## time, pages, pages/s, peak memory, output size and file count for each, then the median time
## serve takes to rebuild over five edits of one plan of the 10,000-task corpus; then the Go
## benchmarks of the hot paths. BENCH_SIZES=1k,10k for a quicker run.
BENCH_SIZES ?= 1k,10k,100k
bench:
	bin=$$(mktemp -d)/minhbach && $(GO) build -o $$bin ./cmd/minhbach && \
	  $(GO) run ./cmd/minhbach-bench --minhbach $$bin --sizes $(BENCH_SIZES)
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf $(OUT)
