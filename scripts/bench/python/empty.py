"""Nothing: interpreter start-up and shut-down, the twin of empty.gd."""
