# The two commands of the README. Each first installs what is missing, then builds.
#   make run    build and start the kiosk on demo data (windowed)
#   make test   build with AddressSanitizer + UBSan and run the whole test suite
#   make bench  build optimised and run the benchmarks (see bench/)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test bench build deps deps-test clean

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

clean:
	rm -rf build build-test build-bench
