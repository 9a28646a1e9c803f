"""Text knowledge shared by readers and parsers: role words, outline markers, numerals, folding.

Modules here know Chinese administrative wording and nothing of files or of the plan model; readers
and parsers may import them, they import neither.
"""
