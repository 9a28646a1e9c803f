"""Renderers: the plan, its views and its diffs turned into bytes or terminal text.

``docx/`` renders Word documents from templates, ``xlsx/`` the workbooks, ``json`` and
``diff_json`` the JSON of ``--format json``, ``terminal`` and ``diff_terminal`` the tables of the
terminal, ``pdf`` converts a Word document with LibreOffice.  A renderer returns bytes or prints; it
never writes into the output folder.  Renderers may import the model, graph, settings, ``text``,
``readers`` (the stamp a workbook shares with its reader), ``diff``, ``progress`` and ``views``;
never ``build``, ``cli`` or ``web``.
"""
