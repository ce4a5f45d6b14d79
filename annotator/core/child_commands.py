"""The arguments by which the program starts a child of itself (not for people to type)."""

# The Qt half of `annotator selfcheck` (services.selfcheck starts it; __main__ runs it).
QT_SELFCHECK_COMMAND = "_selfcheck-qt"
