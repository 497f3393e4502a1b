"""Domain records and rules: plain data and arithmetic, no I/O."""
