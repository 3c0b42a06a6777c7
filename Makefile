# Thin wrapper over CMake. `make run` and `make test` are the README's two set-up commands.
BUILD_DIR ?= build
# `make test SANITIZE=1`: the same build and tests under ASan and UBSan, in their own folder.
# A sanitizer finding aborts the process, so that no test can take it for an ordinary exit status.
SANITIZER_ENV := ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	UBSAN_OPTIONS=abort_on_error=1:print_stacktrace=1
ifeq ($(SANITIZE),1)
BUILD_DIR := build-asan
CMAKE_OPTIONS += -DSETTLE_SANITIZE=ON
TEST_ENV := $(SANITIZER_ENV)
endif
JOBS ?= $(shell nproc)
REPORT_DIR ?= $(BUILD_DIR)/reports

# Debian packages the build and the tests need: libmozjs-102-dev brings the SpiderMonkey shell
# (js102) and nodejs node, both engines the tests run on (a node already on PATH is kept).
DEBIAN_PACKAGES := cmake g++ make pkg-config duktape-dev nlohmann-json3-dev libcli11-dev \
	libgtest-dev libgmock-dev libpugixml-dev libyaml-cpp-dev libsqlitecpp-dev libsqlite3-dev libxml2-utils libmozjs-102-dev \
	$(if $(shell command -v node),,nodejs npm)

# Only the tests need these: chromium opens the HTML report headless (its test is skipped without);
# firefox-esr is the firefox profile's browser, webkit2gtk-driver and xvfb the webkitgtk profile's
# (their tests are skipped without). WebKitGTK's recommends (media codecs, portals) are left out:
# the profile needs none of them, and they would add minutes to CI's install.
TEST_PACKAGES := chromium firefox-esr
TEST_PACKAGES_NO_RECOMMENDS := webkit2gtk-driver xvfb

.PHONY: all deps test-deps configure build settle run test engines deb clean fuzz sanitize-subset

all: build

# Installs whatever of DEBIAN_PACKAGES (PACKAGES) is missing (needs root and apt-get).
PACKAGES = $(DEBIAN_PACKAGES)
deps:
	@missing=$$(for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  if [ "$$(id -u)" -ne 0 ]; then echo "run as root, or install them: apt-get install" $$missing; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_OPTIONS) $$missing; \
	fi

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_OPTIONS)

configure: $(BUILD_DIR)/CMakeCache.txt

# Everything: settle, the unit and end-to-end tests, the fuzz seed replays.
build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The settle binary alone: all that `run` needs. On a fresh clone on a shared 2-core machine,
# `make run` took 4 min 4 s (3.1 min of CPU); the rest, which `make test` builds, 5 min 16 s more.
settle: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target settle

# Runs the shipped cases on the embedded default engine and writes both reports.
run: settle
	@mkdir -p $(REPORT_DIR)
	$(BUILD_DIR)/settle run cases --json $(REPORT_DIR)/settle.json --junit $(REPORT_DIR)/settle.xml
	@echo "Reports: $(REPORT_DIR)/settle.json $(REPORT_DIR)/settle.xml"

# Installs what every built-in profile needs, with settle itself: the npm packages (Promise
# libraries, esbuild, engine262, QuickJS and QuickJS-ng, Node 26, Deno, Bun, Hermes) into the
# build folder, never into the repository, and the Debian packages (duktape, jsc, es6-shim, ...)
# by name, as root. Without root or apt-get those profiles stay unavailable and their tests are
# skipped.
INSTALL_ENGINES = $(BUILD_DIR)/settle engines --install all --yes --engines-dir $(BUILD_DIR)/engines
engines: settle
	$(INSTALL_ENGINES)

# A Debian package, $(BUILD_DIR)/settle_VERSION_ARCH.deb, of what `cmake --install` installs (under
# /usr); dpkg-shlibdeps (dpkg-dev) fills in its Depends.
# It is built in a folder of its own without the tests, so that CPack's install step builds
# only settle.
deb: | deps
	@$(MAKE) --no-print-directory deps PACKAGES="dpkg-dev"
	cmake -S . -B $(BUILD_DIR)/deb $(CMAKE_OPTIONS) -DBUILD_TESTING=OFF
	cmake --build $(BUILD_DIR)/deb -j $(JOBS) --target settle
	cd $(BUILD_DIR)/deb && cpack -G DEB
	cp $(BUILD_DIR)/deb/settle_*.deb $(BUILD_DIR)/
	@ls $(BUILD_DIR)/settle_*.deb

# Best effort: without them the tests that need them are skipped.
test-deps:
	-@$(MAKE) --no-print-directory deps PACKAGES="$(TEST_PACKAGES)"
	-@$(MAKE) --no-print-directory deps PACKAGES="$(TEST_PACKAGES_NO_RECOMMENDS)" APT_OPTIONS=--no-install-recommends

# The library profiles' tests need `make engines`; without the npm registry they are skipped.
# Once settle is built, the rest of the build (the tests, which take longer than settle) and the
# installs of test-deps and engines run side by side: the build waits on the CPU, the installs (apt
# and npm) mostly on the network. The installs are best effort; their log follows the build's.
test: settle
	@log=$(BUILD_DIR)/installs.log; \
	( $(MAKE) --no-print-directory test-deps; $(INSTALL_ENGINES) ) > $$log 2>&1 & installs=$$!; \
	cmake --build $(BUILD_DIR) -j $(JOBS); built=$$?; \
	wait $$installs; cat $$log; exit $$built
	cd $(BUILD_DIR) && $(TEST_ENV) ctest --output-on-failure -j $(JOBS)

# The named share of `make test SANITIZE=1` to run before a change lands (CONTRIBUTING.md):
# settle, its unit tests and the fuzz seeds built under ASan and UBSan in build-asan/, every one of
# those tests, then the end-to-end tests SANITIZE_E2E names, from the plain build (run
# `make test` first), driving the sanitized settle. Hostile input runs on duktape, the engine
# inside settle's process. The unit tests run in JOBS processes of their binary (gtest shards), not
# one process per test through ctest: a sanitized process takes half a second to start, and 479 of
# them took 139 s where the shards take 10 s. ctest runs the other unit tests (UNIT_NOT_GTEST).
SANITIZE_E2E ?= ^(Run|Test262Test|HostileRunner|MisbehavingEngine|MergeTest|ComparisonTest)\.|^Engines/Hostile\..*"duktape"|^EveryEngine/Deadline\..*"duktape"
SANITIZE_E2E_EXCLUDE ?= AHundredThousandCasesInOneFile
UNIT_NOT_GTEST := ^(fuzz_seeds|Layers)\.
sanitize-subset: build
	$(MAKE) --no-print-directory SANITIZE=1 configure
	cmake --build build-asan -j $(JOBS) --target settle settle_in_process_tests
	cd build-asan/tests && pids=; for shard in $$(seq 0 $$(($(JOBS) - 1))); do \
	  $(SANITIZER_ENV) GTEST_TOTAL_SHARDS=$(JOBS) GTEST_SHARD_INDEX=$$shard ./settle_unit_tests \
	    --gtest_brief=1 & pids="$$pids $$!"; done; \
	  status=0; for pid in $$pids; do wait $$pid || status=1; done; exit $$status
	cd build-asan && $(SANITIZER_ENV) ctest --output-on-failure --no-tests=error -j $(JOBS) -L unit \
	  -R '$(UNIT_NOT_GTEST)'
	cd $(BUILD_DIR) && $(SANITIZER_ENV) SETTLE_BINARY=$(CURDIR)/build-asan/settle \
	  SETTLE_ENGINES_DIR=$(CURDIR)/$(BUILD_DIR)/engines ctest --output-on-failure \
	  --no-tests=error -j $(JOBS) -L e2e -R '$(SANITIZE_E2E)' -E '$(SANITIZE_E2E_EXCLUDE)'

# Builds the libFuzzer targets (tests/fuzz/) with clang in build-fuzz/ and runs each for
# FUZZ_SECONDS, from a scratch corpus there seeded with tests/fuzz/<target>/ (left unchanged).
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
FUZZ_PACKAGES := clang libclang-rt-14-dev
fuzz: deps
	@$(MAKE) --no-print-directory deps PACKAGES="$(FUZZ_PACKAGES)"
	cmake -S . -B $(FUZZ_DIR) -DSETTLE_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target settle_fuzzers
	tests/fuzz/run_fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD_DIR)
