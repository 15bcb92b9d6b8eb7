# The two commands of the README. Each first installs what is missing, then builds.
#   make run    build and start the kiosk on demo data (windowed)
#   make test   build with AddressSanitizer + UBSan and run the whole test suite
#   make bench  build optimised and run the benchmarks (see bench/)
#   make deb    the Debian packages for this machine (amd64) and the Raspberry Pi (arm64),
#               checked by lintian, in build-deb/ (make deb-native, make deb-arm64: one)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test bench build deps deps-test deb deb-native deb-arm64 clean

deps:
	@deploy/install-deps.sh run

deps-test:
	@deploy/install-deps.sh test

build: deps
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build -j $(JOBS)

run: build
	./build/vaermed --demo

test: deps-test
	cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DVAERMED_SANITIZE=ON -DVAERMED_TESTS=ON
	cmake --build build-test -j $(JOBS)
	cd build-test && ctest --output-on-failure -j $(JOBS)

bench:
	@deploy/install-deps.sh bench
	cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DVAERMED_BENCH=ON
	cmake --build build-bench -j $(JOBS)
	./bench/run.sh build-bench

deb: deb-native
	if [ "$$(dpkg --print-architecture)" != arm64 ]; then $(MAKE) deb-arm64; fi

deb-native:
	@deploy/install-deps.sh deb
	JOBS=$(JOBS) deploy/deb/build-deb.sh --out build-deb --lintian

# A cross build: deploy/cross-arm64.sh installs the cross compiler and the arm64 libraries.
deb-arm64:
	JOBS=$(JOBS) deploy/cross-arm64.sh --deb

clean:
	rm -rf build build-test build-bench build-deb
