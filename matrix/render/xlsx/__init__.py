"""Excel workbooks: the duty workbook, the progress forms, the revision and progress workbooks.

Like the rest of ``render``, these modules return bytes; they may import the model, graph,
settings, ``text``, the duty workbook's stamp layout (``readers.workbook_stamp``), ``diff``,
``progress`` and the views, never ``build``, ``cli`` or ``web``.
"""
