"""The Office Open XML names matrix reads and writes, in lxml's ``{namespace}tag`` form."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
"""WordprocessingML: paragraphs, runs, tables, sections."""
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
"""Markup compatibility: ``mc:AlternateContent`` and its fallbacks."""
