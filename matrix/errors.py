"""Errors a user can cause and can fix, each with a plain sentence and an exit code."""

from __future__ import annotations


class MatrixError(Exception):
    """An error to show the user as one plain sentence; ``exit_code`` is what the CLI returns.

    Exit codes: 2 the user's input or command was wrong; 1 a check found errors.
    """

    exit_code = 2

    def __init__(self, message: str, *, line: int | None = None, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}"
            if self.line is not None:
                where += f" 第{self.line}行"
            where += ": "
        elif self.line is not None:
            where = f"第{self.line}行: "
        return where + self.message


class InputError(MatrixError):
    """The plan, settings or template file cannot be read as given."""


class UsageError(MatrixError):
    """The command was wrong: an unknown department, a missing option, a bad value."""
