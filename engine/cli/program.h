// The corpusflow program: every command registered on one command line, errors turned into exit codes.
// Kept out of main.cpp so that CLI11, a header-only library, is compiled once, with the commands.
#pragma once

namespace corpusflow {

// Runs the command line and returns the process's exit status (ExitCode in run_command.h).
int run_program(int argc, char** argv);

}  // namespace corpusflow
