"""Use cases shared by the GUI and the CLI. No Qt, no SQL: they call the store and the core."""
