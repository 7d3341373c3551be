import CapsimCommands
import Foundation

CapsimMain.removeTemporaryFilesOnInterrupt()
exit(CapsimMain.run(Array(CommandLine.arguments.dropFirst())))
