# capsim — the two commands of the README, plus helpers.
#   make run   install what is missing, build in release mode, run the main job
#   make test  install what is missing, run the whole test suite (optimised)

SCENARIO ?= Scenarios/shaoyang.yaml
SWIFT    ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev pkg-config
# Numeric tests solve real problems; a debug build is too slow for them.
TEST_FLAGS := -c release -Xswiftc -enable-testing

.PHONY: run test build deps clean

run: deps
	$(SWIFT) build -c release --product capsim
	.build/release/capsim run $(SCENARIO)

test: deps
	$(SWIFT) test $(TEST_FLAGS)

build: deps
	$(SWIFT) build -c release --product capsim

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
	  else \
	    echo "capsim: missing Debian packages:$$missing"; \
	    echo "capsim: run as root:  apt-get update && apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf .build
