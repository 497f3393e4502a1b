"""Use cases shared by the command line and the window; each public method is one unit of work."""
