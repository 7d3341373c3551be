// glibc's malloc tuning (mallopt), which Swift's Glibc module leaves out. Only
// Sources/capsim/main.swift imports this module; elsewhere than Linux it is empty.
#ifndef CAPSIM_CMALLOC_SHIM_H
#define CAPSIM_CMALLOC_SHIM_H
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
