import CMalloc
import CapsimCommands
import Foundation

// Buffers up to 32 MB come from glibc's heap, where memory a command has freed is used
// again, instead of each from a mapping of its own, whose pages are faulted in and zeroed
// afresh. glibc maps such buffers at first (above 128 KB, a limit it raises as mappings
// are freed), so the solver's forty vectors of one to three megabytes took fresh pages
// even just after the MPS reader had freed 100 MB: `lp solve` of the 2030 LP took
// 0.243–0.252 s before and 0.225–0.230 s after (its setup 38–40 ms before, 20–21 ms
// after), with the same 125 MB peak; `run` of the default scenario the same wall time
// within the noise, with less system time (0.16–0.23 s against 0.18–0.26 s).
#if os(Linux)
_ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
#endif

CapsimMain.reserveStandardDescriptors()
CapsimMain.removeTemporaryFilesOnInterrupt()
guard let arguments = CapsimMain.commandLineArguments() else { exit(ExitStatus.usage.rawValue) }
exit(CapsimMain.run(arguments))
