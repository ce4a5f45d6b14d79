"""The project file: one SQLite database per project. The only package that writes SQL."""

from annotator.store.project import PROJECT_SUFFIX, ProjectStore, create_project, open_project

__all__ = ["PROJECT_SUFFIX", "ProjectStore", "create_project", "open_project"]
