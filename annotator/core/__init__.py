"""Pure-Python domain: model, schema, text utilities, formats and agreement. Never imports Qt."""
