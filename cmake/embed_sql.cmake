# Turns one src/<path>/sql/<name>.sql into a header holding it as a named constant:
#   src/verticals/real_estate/sql/rollup_insert.sql
#   -> #include "verticals/real_estate/sql/rollup_insert.sql.hpp"
#   -> agenthq::verticals::real_estate::sql::rollup_insert (a std::string_view)
# Run as: cmake -DSQL_FILE=<abs path> -DSOURCE_ROOT=<abs src> -DOUTPUT=<header> -P embed_sql.cmake
file(RELATIVE_PATH relative ${SOURCE_ROOT} ${SQL_FILE})
get_filename_component(folder ${relative} DIRECTORY)
get_filename_component(name ${relative} NAME_WE)
string(REPLACE "/" "::" namespace "agenthq/${folder}")
file(READ ${SQL_FILE} body)
string(STRIP "${body}" body)
file(WRITE ${OUTPUT} "// Generated from src/${relative} by cmake/embed_sql.cmake. Do not edit.
#pragma once
#include <string_view>

namespace ${namespace} {
inline constexpr std::string_view ${name} = R\"__agenthq_sql__(${body})__agenthq_sql__\";
}  // namespace ${namespace}
")
