// Compiled by the `layering.*` ctest entries against one layer's include view with
// UPWARD_HEADER naming a header of a layer above it: the build must refuse it (see
// cmake/agenthq_layer.cmake). Each entry passes only when the compiler says the header is not there.
#include UPWARD_HEADER
