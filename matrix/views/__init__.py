"""Views: what a document says, as plain data built from the plan graph and its settings.

The context of each bureau's letter and of the master notice, of the change notices and of the
progress documents; the snapshot of the graph the renderers share.  A view never touches a file
or Word.  Views may import the model, graph, settings, ``text``, ``diff`` and ``progress``;
never ``render``, ``build``, ``cli`` or ``web``.
"""
