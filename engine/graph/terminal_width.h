// The width in columns of the terminal a progress bar is drawn on.
#pragma once

namespace corpusflow {

// The terminal's width when fd is one (TIOCGWINSZ), else $COLUMNS when it is a positive number, else 80.
int terminal_width(int fd);

}  // namespace corpusflow
