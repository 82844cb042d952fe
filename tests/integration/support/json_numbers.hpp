#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace agenthq::test {

// Every number token of a JSON text exactly as written (e.g. "1.0945E6", "0.85", "3"), found by
// Boost.JSON's parser, so numbers inside strings are not mistaken for tokens. Throws on bad JSON.
std::vector<std::string> json_number_tokens(std::string_view text);

// The tokens among them written with an exponent.
std::vector<std::string> exponent_numbers(std::string_view text);

}  // namespace agenthq::test
