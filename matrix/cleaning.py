"""The one cleaning step for text that enters a document: plan text, settings and returns.

Word and Excel files are XML, and XML 1.0 cannot hold control characters (other than tab and line
ends), lone surrogates, or the non-characters U+FFFE and U+FFFF: a file holding one is refused by
Word, or stops the writer.  They carry no meaning in a plan, so they are removed where the text
comes in, and the clerk is told where.
"""

from __future__ import annotations

import re

# \x0b and \x0c are left to the parser: the .docx reader marks page and column breaks with \f.
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_ILLEGAL_ALL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str, *, breaks: bool = False) -> tuple[str, int]:
    """``text`` without the characters XML cannot hold, and how many there were.

    With ``breaks``, vertical tab and form feed stay (a reader's line and page breaks).
    """
    pattern = _ILLEGAL if breaks else _ILLEGAL_ALL
    if pattern.search(text) is None:  # as a rule: one scan, no copy
        return text, 0
    cleaned = pattern.sub("", text)
    return cleaned, len(text) - len(cleaned)


def removed(count: int) -> str:
    """The sentence that tells the clerk what was removed."""
    return f"删除了 {count} 个无法写入 Word/Excel 文档的字符 (控制字符或 U+FFFE、U+FFFF)"
