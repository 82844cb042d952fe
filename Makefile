# The two commands of the README. Everything else is CMake.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: run test build deps bench clean

run: build
	./$(BUILD_DIR)/agenthq serve --demo

# Serial on purpose (no -j). Every GoogleTest case is a ctest entry in a process of its own. The
# cases share no data (each makes its own databases and roles, hubs and fake providers take port
# 0, scratch dirs come from mkdtemp), but several measure time (cut-offs, timeouts, throttles), and
# side by side on 2 cores they starve each other (a -j3 trial failed one). Serially the whole ctest
# is no slower than it was with two whole-binary entries (~100-115 s on 2 busy cores, was ~120 s):
# the test cluster lives in /dev/shm and a stopping hub exits at once.
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
