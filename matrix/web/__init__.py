"""``matrix serve``: the general office's local web page over the library, offline, in Chinese.

:mod:`~matrix.web.workspace` lays out the plans' folders, :mod:`~matrix.web.actions` does what the
pages ask through the library, :mod:`~matrix.web.builds` queues builds per plan,
:mod:`~matrix.web.guard` refuses requests from elsewhere, :mod:`~matrix.web.pages` and
:mod:`~matrix.web.api_routes` answer HTTP, and :mod:`~matrix.web.app` puts them together.
The web page may import everything but ``cli``.
"""
