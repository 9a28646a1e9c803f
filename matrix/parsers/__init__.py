"""Parsers: from a document's lines to the plan model (outline, assignments, departments).

Parsers import the model, settings and ``text``; never views, ``render``, ``build``, ``cli`` or ``web``.
"""
