"""Parsers: from a document's lines to the plan model (outline, assignments, departments)."""
