"""The build: every job list and every write of the project.

A job is a file of the output folder with a key and a function that renders its bytes; the staged,
atomic, incremental writer (:mod:`~matrix.build.sync`) compares keys with the last manifest, renders
only what changed, and moves the results into place.  :mod:`~matrix.build.plan` is ``matrix
build``; the other modules hold one kind of output each (letters, forms, workbook, PDFs, change
notices, progress documents) and :mod:`~matrix.build.collect` gathers the bureaus' returns.

The build may import every other package of matrix except ``cli`` and ``web``; nothing but ``api``,
``cli`` and ``web`` imports it.
"""
