# The two set-up commands: `make run` and `make test` (see README.md).
BUILD ?= build
DATA ?= kidwiki-data
PORT ?= 8080

.PHONY: run test build deps test-deps bench bench-targets clean

deps:
	scripts/install-deps.sh build

test-deps:
	scripts/install-deps.sh test
	scripts/install-browser-test-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD)

# Only the program: the tests and benchmarks are not needed to serve the wiki.
run: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) --target kidwiki
	$(BUILD)/kidwiki serve --data $(DATA) --port $(PORT)

test: test-deps $(BUILD)/build.ninja
	cmake --build $(BUILD)
	cd $(BUILD) && ctest --output-on-failure --timeout 900

bench: deps $(BUILD)/build.ninja
	scripts/install-deps.sh bench
	bench/run-all.sh

# Only the benchmarks behind the targets table of issue 11 (docs/performance.md).
bench-targets: deps $(BUILD)/build.ninja
	scripts/install-deps.sh bench
	bench/run-all.sh targets

clean:
	rm -rf $(BUILD)
