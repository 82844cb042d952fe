// Unit tests use gtest_main; this file only keeps the target non-empty when no test exists yet.
