"""Progress reporting: the forms bureaus fill in (进展反馈表) and what their returns say.

Pure logic only: :mod:`~matrix.progress.layout` is the form's layout and stamp, shared by the
writer and the reader; :mod:`~matrix.readers.returns` reads a returned workbook into plain
values; :mod:`~matrix.progress.check` holds a return against the plan; :mod:`~matrix.build.collect`
turns a pile of returned files into one :class:`~matrix.progress.model.Progress`, which the renderers
(summary workbook, bulletin, reminders) render.

It imports the model, graph, ``text`` and ``diff``; never readers, views, ``render``, ``build``,
``cli`` or ``web``.
"""
