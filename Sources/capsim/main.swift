import CapsimCommands
import Foundation

CapsimMain.reserveStandardDescriptors()
CapsimMain.removeTemporaryFilesOnInterrupt()
exit(CapsimMain.run(Array(CommandLine.arguments.dropFirst())))
