// The C interfaces capsim uses: OpenBLAS's CBLAS (with openblas_set_num_threads)
// and LAPACKE. Only Sources/LinearAlgebra/LinearAlgebra.swift imports this module.
#ifndef CAPSIM_CLAPACK_SHIM_H
#define CAPSIM_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
