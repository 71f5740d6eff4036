// corpusflow: the command-line entry point.
#include "engine/cli/program.h"

int main(int argc, char** argv) { return corpusflow::run_program(argc, argv); }
