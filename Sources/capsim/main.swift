import CapsimCommands
import Foundation

exit(CapsimMain.run(Array(CommandLine.arguments.dropFirst())))
