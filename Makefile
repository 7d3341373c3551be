# capsim — the two commands of the README, plus helpers.
#   make run   install what is missing, build in release mode, run the main job
#   make test  install what is missing, run the whole test suite (optimised)

SCENARIO ?= Scenarios/shaoyang.yaml
SWIFT    ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev pkg-config
# Numeric tests solve real problems; a debug build is too slow for them.
TEST_FLAGS := -c release -Xswiftc -enable-testing

.PHONY: run test build deps clean bench bench-json bench-compare bench-smoke

run: deps
	$(SWIFT) build -c release --product capsim
	.build/release/capsim run $(SCENARIO)

# The tests' scratch folders go to a folder of this run (TMPDIR), removed after it.
# Everything is built once, by `swift build --build-tests` (the tests, capsim and
# synthetic-lp, which the command-line tests and bench-smoke run); `swift test` itself
# built with other settings, so that it and `swift build --product capsim` each rebuilt
# what the other had built (1.5 minutes each in CI).
test: deps
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	$(SWIFT) build $(TEST_FLAGS) --product capsim
	@scratch="$$(mktemp -d -t capsim-tests.XXXXXX)"; \
	TMPDIR="$$scratch" $(SWIFT) test $(TEST_FLAGS) --skip-build; status=$$?; \
	rm -rf "$$scratch"; exit $$status

build: deps
	$(SWIFT) build -c release --product capsim

# Benchmarks (Benchmarks/, a package of its own; README "Performance").
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

bench-json: build
	rm -rf Benchmarks/.build/bench-jmh && mkdir -p Benchmarks/.build/bench-jmh
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --format jmh --path .build/bench-jmh
	python3 Benchmarks/Scripts/bench_json.py Benchmarks/.build/bench-jmh bench.json --projection .build/release/capsim $(SCENARIO)

bench-compare: build
	bash Benchmarks/Scripts/bench_compare.sh

# Ratios within one run (scaling, linking row, --jobs 2 against 1); CI runs it after the tests.
bench-smoke: deps
	$(SWIFT) build $(TEST_FLAGS) --product capsim
	$(SWIFT) build $(TEST_FLAGS) --product synthetic-lp
	bash Benchmarks/Scripts/bench_smoke.sh

# Installs OpenBLAS and LAPACKE from Debian's packages when they are missing.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "capsim: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends$$missing; \
	  elif command -v sudo > /dev/null 2>&1; then \
	    echo "capsim: installing$$missing (with sudo)"; \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends$$missing; \
	  else \
	    echo "capsim: missing Debian packages:$$missing"; \
	    echo "capsim: run as root:  apt-get update && apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf .build
