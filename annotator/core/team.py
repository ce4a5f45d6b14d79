"""A team project's roles, least to most: what a person may change in a shared project
(enforced by the server, store.pg_security)."""

ROLES = ("annotator", "reviewer", "lead")
