"""Import and export formats: pure functions between bytes/JSON and the annotation model.

Each format lives in its own module; none of them touches Qt or the project file.
Offsets are code-point indices, end-exclusive, unless a field says ``_utf16``.
"""
