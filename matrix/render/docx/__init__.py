"""Word documents: templates compiled once per batch, rendered, zipped and combined for printing.

Like the rest of ``render``, these modules return bytes; they may import the model, settings,
``text``, ``ooxml`` and the views, never ``build``, ``cli`` or ``web``.
"""
