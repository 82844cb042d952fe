# The two commands of the README. Everything else is CMake.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: run test build deps bench clean

run: build
	./$(BUILD_DIR)/agenthq serve --demo

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure

build: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)

deps:
	./scripts/install-deps.sh

bench: build
	./bench/run.sh

clean:
	rm -rf $(BUILD_DIR)
