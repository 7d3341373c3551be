import CapsimCommands
import Foundation

CapsimMain.reserveStandardDescriptors()
CapsimMain.removeTemporaryFilesOnInterrupt()
guard let arguments = CapsimMain.commandLineArguments() else { exit(ExitStatus.usage.rawValue) }
exit(CapsimMain.run(arguments))
